using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Ondermijning.Engine.Enrichment;

public sealed record RegisterAddress(string? Type, string? Street, int? HouseNumber, string? Postcode, string? Place);

public sealed record SbiActivity(string Code, string Description, bool Main);

/// <summary>A registration in the Handelsregister. Dates are ISO (yyyy-MM-dd) so the facts read the same everywhere.</summary>
public sealed record KvkCompany(string KvkNumber, string Name, string? RegisteredOn, string? StartedOn, string? EndedOn, bool Active,
    IReadOnlyList<string> TradeNames, IReadOnlyList<SbiActivity> Activities, IReadOnlyList<RegisterAddress> Addresses);

public sealed record KvkSearchHit(string KvkNumber, string Name, string? Type, RegisterAddress? Address, bool? Active);

public sealed record KvkSearch(int Total, IReadOnlyList<KvkSearchHit> Hits);

/// <summary>The KvK "Zoeken" API v2 and "Basisprofiel" API v1, keyed with the <c>apikey</c> header.</summary>
public sealed class KvkClient(HttpClient http, IMemoryCache cache, IClock clock, IOptions<EnrichmentOptions> options, ILogger<KvkClient> logger)
    : RegisterClient(http, cache, clock, options, logger)
{
    protected override EnrichmentProvider Provider => EnrichmentProvider.Kvk;
    protected override string RegisterName => "de KvK";

    protected override void Authorise(HttpRequestMessage request, string apiKey) => request.Headers.Add("apikey", apiKey);

    public async Task<Lookup<KvkCompany>> GetProfileAsync(string kvkNumber, CancellationToken cancellationToken = default)
    {
        var lookup = await GetAsync<BasisprofielDto>($"api/v1/basisprofielen/{Uri.EscapeDataString(kvkNumber)}",
            p => p.KvkNummer is not null, () => $"KvK-nummer {kvkNumber} niet gevonden in het Handelsregister.", cancellationToken);
        return lookup.Map(ToCompany, () => $"KvK-nummer {kvkNumber} niet gevonden in het Handelsregister.");
    }

    public async Task<Lookup<KvkSearch>> SearchByNameAsync(string name, string place, CancellationToken cancellationToken = default)
    {
        var notFound = () => $"Geen inschrijving gevonden in het Handelsregister voor '{name}' in {place}.";
        var lookup = await GetAsync<ZoekenDto>($"api/v2/zoeken?naam={Uri.EscapeDataString(name)}&plaats={Uri.EscapeDataString(place)}",
            z => z.Resultaten is not null || z.Totaal is not null, notFound, cancellationToken);
        return lookup.Map(ToSearch, notFound);
    }

    public async Task<Lookup<KvkSearch>> SearchByAddressAsync(string postcode, int houseNumber, CancellationToken cancellationToken = default)
    {
        var notFound = () => $"Geen inschrijvingen in het Handelsregister op {postcode} {houseNumber}.";
        var lookup = await GetAsync<ZoekenDto>($"api/v2/zoeken?postcode={Uri.EscapeDataString(postcode)}&huisnummer={houseNumber}",
            z => z.Resultaten is not null || z.Totaal is not null, notFound, cancellationToken);
        return lookup.Map(ToSearch, notFound);
    }

    private static readonly LocalDatePattern KvkDate = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd");

    private static string? IsoDate(string? kvk) =>
        kvk is not null && KvkDate.Parse(kvk) is { Success: true } parsed ? LocalDatePattern.Iso.Format(parsed.Value) : null;

    private static KvkCompany ToCompany(BasisprofielDto p)
    {
        var ended = IsoDate(p.MaterieleRegistratie?.DatumEinde);
        return new KvkCompany(p.KvkNummer!, p.Naam ?? "", IsoDate(p.FormeleRegistratiedatum), IsoDate(p.MaterieleRegistratie?.DatumAanvang),
            ended, ended is null,
            (p.Handelsnamen ?? []).OrderBy(h => h.Volgorde ?? int.MaxValue).Select(h => h.Naam).OfType<string>().ToList(),
            (p.SbiActiviteiten ?? []).Where(s => s.SbiCode is not null)
                .Select(s => new SbiActivity(s.SbiCode!, s.SbiOmschrijving ?? "", string.Equals(s.IndHoofdactiviteit, "Ja", StringComparison.OrdinalIgnoreCase)))
                .ToList(),
            (p.Embedded?.Hoofdvestiging?.Adressen ?? [])
                .Select(a => new RegisterAddress(a.Type, a.Straatnaam, a.Huisnummer, a.Postcode, a.Plaats)).ToList());
    }

    private static KvkSearch? ToSearch(ZoekenDto z)
    {
        var hits = (z.Resultaten ?? []).Where(r => r.KvkNummer is not null).Select(r => new KvkSearchHit(r.KvkNummer!, r.Naam ?? "", r.Type,
            r.Adres?.BinnenlandsAdres is { } a ? new RegisterAddress(a.Type, a.Straatnaam, a.Huisnummer, a.Postcode, a.Plaats) : null,
            YesNo(r.Actief))).ToList();
        return hits.Count == 0 ? null : new KvkSearch(z.Totaal ?? hits.Count, hits);
    }

    /// <summary>KvK spells booleans "Ja"/"Nee"; accept a JSON boolean too.</summary>
    private static bool? YesNo(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.Value.GetString() switch
        {
            "Ja" or "ja" => true,
            "Nee" or "nee" => false,
            _ => null,
        },
        _ => null,
    };

    private sealed record BasisprofielDto(string? KvkNummer, string? Naam, string? FormeleRegistratiedatum,
        List<HandelsnaamDto>? Handelsnamen, List<SbiDto>? SbiActiviteiten, MaterieleRegistratieDto? MaterieleRegistratie,
        [property: JsonPropertyName("_embedded")] BasisprofielEmbeddedDto? Embedded);
    private sealed record HandelsnaamDto(string? Naam, int? Volgorde);
    private sealed record SbiDto(string? SbiCode, string? SbiOmschrijving, string? IndHoofdactiviteit);
    private sealed record MaterieleRegistratieDto(string? DatumAanvang, string? DatumEinde);
    private sealed record BasisprofielEmbeddedDto(VestigingDto? Hoofdvestiging);
    private sealed record VestigingDto(List<AdresDto>? Adressen);
    private sealed record AdresDto(string? Type, string? Straatnaam, int? Huisnummer, string? Postcode, string? Plaats);

    private sealed record ZoekenDto(int? Totaal, List<ZoekResultaatDto>? Resultaten);
    private sealed record ZoekResultaatDto(string? KvkNummer, string? Naam, ZoekAdresDto? Adres, string? Type, JsonElement? Actief);
    private sealed record ZoekAdresDto(AdresDto? BinnenlandsAdres);
}
