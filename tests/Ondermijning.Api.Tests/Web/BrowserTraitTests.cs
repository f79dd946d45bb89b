using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// Every class that drives Chromium (found by its <see cref="Browser"/> fixture, so a new one cannot be forgotten) is
/// marked for the browser pass of <c>./test.sh</c>, where the browser classes run two at a time and nothing else beside
/// them, and as storage-independent: a browser test proves what a user sees and does on the pages, what the same requests
/// store is proved by the API tests on both databases, so it stays out of the PostgreSQL pass.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class BrowserTraitTests
{
    [Fact]
    public void Every_class_with_a_browser_is_marked_for_the_browser_pass_and_as_storage_independent()
    {
        var browserClasses = typeof(BrowserTraitTests).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IClassFixture<Browser>).IsAssignableFrom(t))
            .ToList();
        browserClasses.Should().NotBeEmpty();

        browserClasses.Where(t => !HasTrait(t, BrowserTrait.Name, BrowserTrait.Chromium)).Select(t => t.Name)
            .Should().BeEmpty("a class with a browser carries [Trait(BrowserTrait.Name, BrowserTrait.Chromium)]");
        browserClasses.Where(t => !HasTrait(t, StorageTrait.Name, StorageTrait.Independent)).Select(t => t.Name)
            .Should().BeEmpty("a class with a browser carries [Trait(StorageTrait.Name, StorageTrait.Independent)]");
    }

    [Fact]
    public void Only_classes_with_a_browser_are_marked_for_the_browser_pass()
    {
        typeof(BrowserTraitTests).Assembly.GetTypes()
            .Where(t => HasTrait(t, BrowserTrait.Name, BrowserTrait.Chromium) && !typeof(IClassFixture<Browser>).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Should().BeEmpty("the browser pass is for the classes that drive Chromium; the rest run in the database passes");
    }

    private static bool HasTrait(Type type, string name, string value) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                                                && a.ConstructorArguments is [{ Value: string n }, { Value: string v }] && n == name && v == value);
}
