namespace Ondermijning.Engine.Common;

/// <summary>
/// The name people know a municipality by, for pages and orderings. A stand-in for the CBS list: it knows the RIEC
/// Limburg and Brabant municipalities the demo and the benchmark use, and answers an unknown code with the code itself.
/// </summary>
public static class MunicipalityNames
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["GM0935"] = "Maastricht", ["GM0917"] = "Heerlen", ["GM0928"] = "Kerkrade", ["GM0882"] = "Landgraaf",
        ["GM0899"] = "Brunssum", ["GM0888"] = "Beek", ["GM0965"] = "Simpelveld", ["GM0981"] = "Vaals",
        ["GM0986"] = "Voerendaal", ["GM0994"] = "Valkenburg aan de Geul", ["GM1729"] = "Gulpen-Wittem",
        ["GM1883"] = "Sittard-Geleen", ["GM1903"] = "Eijsden-Margraten", ["GM0957"] = "Roermond",
        ["GM0944"] = "Mook en Middelaar", ["GM0946"] = "Nederweert", ["GM0983"] = "Venlo", ["GM1507"] = "Horst aan de Maas",
        ["GM1640"] = "Leudal", ["GM1641"] = "Maasgouw", ["GM0796"] = "'s-Hertogenbosch", ["GM0772"] = "Eindhoven",
        ["GM0855"] = "Tilburg", ["GM0758"] = "Breda", ["GM0794"] = "Helmond", ["GM1652"] = "Gemert-Bakel", ["GM0828"] = "Oss",
        ["GM0785"] = "Goirle", ["GM0815"] = "Mill en Sint Hubert", ["GM0865"] = "Vught",
    };

    public static string Of(MunicipalityCode code) => Names.GetValueOrDefault(code.Value, code.Value);

    /// <summary>The code of a name or a code as typed ("maastricht", "GM0935"), for a choice a person makes.</summary>
    public static bool TryFind(string? text, out MunicipalityCode code)
    {
        if (MunicipalityCode.TryParse(text, out code)) return true;
        var name = text?.Trim();
        var found = Names.FirstOrDefault(n => string.Equals(n.Value, name, StringComparison.OrdinalIgnoreCase)).Key;
        return MunicipalityCode.TryParse(found, out code);
    }
}
