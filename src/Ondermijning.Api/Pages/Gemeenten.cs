using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Pages;

/// <summary>
/// A municipality as the pages name it. The RIEC Limburg municipalities the service is configured with are known by
/// name; any other code is shown as it is until the full CBS list ships.
/// </summary>
public static class Gemeenten
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["GM0935"] = "Maastricht",
        ["GM0917"] = "Heerlen",
        ["GM0983"] = "Venlo",
        ["GM0928"] = "Kerkrade",
        ["GM0957"] = "Roermond",
        ["GM1883"] = "Sittard-Geleen",
    };

    public static string Naam(MunicipalityCode code) => Names.GetValueOrDefault(code.Value, code.Value);
}
