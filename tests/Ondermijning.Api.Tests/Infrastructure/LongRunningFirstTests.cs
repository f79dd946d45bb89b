using System.Reflection;
using Xunit.Sdk;

namespace Ondermijning.Api.Tests.Infrastructure;

[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class LongRunningFirstTests
{
    /// <summary>Asks xunit itself for each class's collection, so a change in how it names them cannot go unnoticed.</summary>
    [Fact]
    public void The_collections_of_long_running_classes_start_before_all_others_longest_first()
    {
        var assembly = typeof(LongRunningFirstTests).Assembly;
        var factory = new CollectionPerClassTestCollectionFactory(new TestAssembly(Reflector.Wrap(assembly)), new NullMessageSink());
        var collectionOf = assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FactAttribute>() is not null))
            .ToDictionary(t => t, t => factory.Get(Reflector.Wrap(t)));
        var estimates = collectionOf
            .Select(c => (Collection: c.Value.DisplayName, Estimate: c.Key.GetCustomAttribute<LongRunningAttribute>()
                ?? c.Value.CollectionDefinition?.ToRuntimeType().GetCustomAttribute<LongRunningAttribute>()))
            .Where(c => c.Estimate is not null)
            .DistinctBy(c => c.Collection)
            .ToDictionary(c => c.Collection, c => c.Estimate!.Seconds);
        estimates.Should().ContainKey(collectionOf[typeof(Contract.FuzzTests)].DisplayName).And.ContainKey(JobServerCollection.Name);

        var ordered = new LongRunningFirst().OrderTestCollections(collectionOf.Values.DistinctBy(c => c.DisplayName))
            .Select(c => c.DisplayName).ToList();

        ordered.Take(estimates.Count).Should().BeEquivalentTo(estimates.Keys);
        ordered.Take(estimates.Count).Select(c => estimates[c]).Should().BeInDescendingOrder();
        ordered.Skip(estimates.Count).Should().NotIntersectWith(estimates.Keys);
    }
}
