using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// The premise of marking the page tests <see cref="StorageTrait.Independent"/>: a page stores and reads only through the
/// engine's services, whose work on each database the API tests prove on both. A page model, a helper of the pages or a
/// compiled view (<c>@inject</c>) that held a database context or any Entity Framework type, or asked the request's
/// services for one, would have queries of its own that only the page tests reach, on SQLite only.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class PagesUseTheEngineTests
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_page_holds_or_asks_for_a_database_context_or_any_Entity_Framework_type()
    {
        // Nested types too: an async handler's locals live as fields of its compiler-generated state machine.
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Ondermijning.Api.Pages", StringComparison.Ordinal) == true)
            .ToList();
        pages.Should().Contain(t => t.Name == "ZaakModel").And.Contain(t => t.Name == "Pages_Zaken_Zaak", "the compiled views are among them");

        Members(typeof(Imports.HistoryImport)).Should().Contain(m => IsStorage(m.Type),
            "the check finds a context where one is held: the history import, outside the pages, writes through its own");
        var reaching = pages.SelectMany(Members).Where(m => IsStorage(m.Type)).Select(m => m.Where).ToList();

        reaching.Should().BeEmpty("a page reaches the database only through the engine's services");
    }

    private static IEnumerable<(string Where, Type Type)> Members(Type type) =>
        type.GetFields(Declared).Select(f => ($"{type.FullName}.{f.Name}", f.FieldType))
            .Concat(type.GetProperties(Declared).Select(p => ($"{type.FullName}.{p.Name}", p.PropertyType)))
            .Concat(type.GetMethods(Declared).Select(m => ($"{type.FullName}.{m.Name}()", m.ReturnType)))
            .Concat(type.GetConstructors(Declared).Concat<MethodBase>(type.GetMethods(Declared))
                .SelectMany(m => m.GetParameters().Select(p => ($"{type.FullName}.{m.Name}({p.Name})", p.ParameterType))
                    // A context asked for from the request's services into a local variable.
                    .Concat((m.GetMethodBody()?.LocalVariables ?? []).Select(l => ($"{type.FullName}.{m.Name}: local {l.LocalIndex}", l.LocalType)))));

    private static bool IsStorage(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || type.Assembly.GetName().Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
        || (type.HasElementType && IsStorage(type.GetElementType()!))
        || (type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericArguments().Any(IsStorage));
}
