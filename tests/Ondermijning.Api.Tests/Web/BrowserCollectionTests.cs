using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// A browser test proves what a user sees and does on the pages; what the same requests store is proved by the API tests
/// on both databases. So every class of the browser collection runs in the SQLite pass only, where the collection's
/// one Chromium runs, and a new one cannot slip into the PostgreSQL pass by forgetting its trait.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class BrowserCollectionTests
{
    [Fact]
    public void Every_class_of_the_browser_collection_is_marked_storage_independent()
    {
        var browserClasses = typeof(BrowserCollectionTests).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CollectionAttribute)
                                                             && a.ConstructorArguments is [{ Value: BrowserCollection.Name }]))
            .ToList();
        browserClasses.Should().NotBeEmpty();

        browserClasses.Where(t => !t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                                                                     && a.ConstructorArguments is [{ Value: StorageTrait.Name }, { Value: StorageTrait.Independent }]))
            .Select(t => t.Name)
            .Should().BeEmpty($"a browser test class carries [Trait(StorageTrait.Name, StorageTrait.Independent)]");
    }
}
