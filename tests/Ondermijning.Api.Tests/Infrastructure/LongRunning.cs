using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Ondermijning.Api.Tests.Infrastructure.LongRunningFirst", "Ondermijning.Api.Tests")]

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// A test class (or collection) that takes far longer than most: it starts service processes, fuzzes thousands of
/// requests, puts load on the service, waits for jobs across nodes or walks every page in a browser.
/// <see cref="LongRunningFirst"/> starts it first, so it runs beside the many short classes instead of alone at the end of
/// a pass, with a core idle while it waits.
/// </summary>
/// <param name="seconds">About how long it takes in a pass on two cores; the longest start first.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// The collections of <see cref="LongRunningAttribute"/> classes first, longest first (four run at a time, and a long one
/// started late ends a pass alone), then the rest in xunit's own order.
/// </summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    /// <summary>How xunit names the collection of a class that names none (one collection per class, see Parallelism.cs).</summary>
    private const string ClassCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        new DefaultTestCollectionOrderer().OrderTestCollections(testCollections).OrderByDescending(Seconds);

    /// <summary>The estimate of a long-running collection, 0 for the others.</summary>
    internal static int Seconds(ITestCollection collection)
    {
        var type = collection.CollectionDefinition?.ToRuntimeType()
                   ?? (collection.DisplayName.StartsWith(ClassCollectionPrefix, StringComparison.Ordinal)
                       ? typeof(LongRunningFirst).Assembly.GetType(collection.DisplayName[ClassCollectionPrefix.Length..])
                       : null);
        return type?.GetCustomAttribute<LongRunningAttribute>()?.Seconds ?? 0;
    }
}
