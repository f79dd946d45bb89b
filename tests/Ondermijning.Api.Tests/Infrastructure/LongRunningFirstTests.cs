using System.Reflection;
using Xunit.Sdk;

namespace Ondermijning.Api.Tests.Infrastructure;

[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class LongRunningFirstTests
{
    /// <summary>Asks xunit itself for each class's collection, so a change in how it names them cannot go unnoticed.</summary>
    [Fact]
    public void The_collections_of_long_running_classes_start_before_all_others()
    {
        var assembly = typeof(LongRunningFirstTests).Assembly;
        var factory = new CollectionPerClassTestCollectionFactory(new TestAssembly(Reflector.Wrap(assembly)), new NullMessageSink());
        var collectionOf = assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FactAttribute>() is not null))
            .ToDictionary(t => t, t => factory.Get(Reflector.Wrap(t)));
        var longRunning = collectionOf
            .Where(c => c.Key.GetCustomAttribute<LongRunningAttribute>() is not null
                        || c.Value.CollectionDefinition?.ToRuntimeType().GetCustomAttribute<LongRunningAttribute>() is not null)
            .Select(c => c.Value.DisplayName).ToHashSet();
        longRunning.Should().Contain(collectionOf[typeof(Contract.FuzzTests)].DisplayName).And.Contain(JobServerCollection.Name);

        var ordered = new LongRunningFirst().OrderTestCollections(collectionOf.Values.DistinctBy(c => c.DisplayName))
            .Select(c => c.DisplayName).ToList();

        ordered.Take(longRunning.Count).Should().BeEquivalentTo(longRunning);
        ordered.Skip(longRunning.Count).Should().NotIntersectWith(longRunning);
    }
}
