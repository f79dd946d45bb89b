namespace Ondermijning.Engine.Common;

/// <summary>A Dutch municipality as CBS lists it.</summary>
public sealed record Municipality(MunicipalityCode Code, string Name, string Province);

/// <summary>
/// The CBS list of municipalities, shipped with the engine (<c>cbs-gemeenten.txt</c>), so that people choose and read a
/// municipality by its name while the data keeps the stable CBS code.
/// </summary>
public static class Municipalities
{
    private static readonly Lazy<IReadOnlyDictionary<MunicipalityCode, Municipality>> List = new(Load);

    /// <summary>Every municipality in the order of CBS's sort name: 's-Gravenhage under G, 's-Hertogenbosch under H.</summary>
    public static IReadOnlyList<Municipality> All { get; } =
        [.. List.Value.Values.OrderBy(m => m.Name.StartsWith("'s-", StringComparison.Ordinal) ? m.Name[3..] : m.Name, StringComparer.OrdinalIgnoreCase)];

    public static Municipality? Find(MunicipalityCode code) => List.Value.GetValueOrDefault(code);

    /// <summary>The municipality's name; a code that CBS does not list (merged away, or a test's) shows as itself.</summary>
    public static string NameOf(MunicipalityCode code) => Find(code)?.Name ?? code.Value;

    /// <summary>A municipality typed by its name or by its code ("Maastricht", "maastricht", "GM0935").</summary>
    public static Municipality? FindByNameOrCode(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (MunicipalityCode.TryParse(trimmed, out var code)) return Find(code);
        return All.FirstOrDefault(m => string.Equals(m.Name, trimmed, StringComparison.CurrentCultureIgnoreCase));
    }

    private static IReadOnlyDictionary<MunicipalityCode, Municipality> Load()
    {
        using var stream = typeof(Municipalities).Assembly.GetManifestResourceStream("cbs-gemeenten.txt")
            ?? throw new InvalidOperationException("The CBS municipality list is not embedded in the engine.");
        using var reader = new StreamReader(stream);
        var list = new Dictionary<MunicipalityCode, Municipality>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(';');
            var code = MunicipalityCode.Parse(parts[0]);
            list.Add(code, new Municipality(code, parts[1], parts[2]));
        }
        return list;
    }
}
