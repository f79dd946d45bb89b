using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ondermijning.Engine.Enrichment;

public sealed record BagAddress(string Street, int HouseNumber, string? Letter, string? Addition, string Postcode, string Place,
    string NummeraanduidingId, string? VerblijfsobjectId, IReadOnlyList<string> PandIds);

/// <summary>The unit of use at an address, with the postcode and house number it was looked up for.</summary>
public sealed record BagVerblijfsobject(string Id, string Postcode, int HouseNumber, IReadOnlyList<string> Gebruiksdoelen, int? Oppervlakte, string? Status);

public sealed record BagPand(string Id, int? ConstructionYear, string? Status);

/// <summary>The BAG "API Individuele Bevragingen" v2 (HAL JSON), keyed with the <c>X-Api-Key</c> header.</summary>
public sealed class BagClient(HttpClient http, IMemoryCache cache, IClock clock, IOptions<EnrichmentOptions> options, ILogger<BagClient> logger)
    : RegisterClient(http, cache, clock, options, logger)
{
    protected override EnrichmentProvider Provider => EnrichmentProvider.Bag;
    protected override string RegisterName => "de BAG";

    protected override void Authorise(HttpRequestMessage request, string apiKey)
    {
        request.Headers.Add("X-Api-Key", apiKey);
        // Objects with a geometry are refused without a coordinate system; RD New is the register's own.
        request.Headers.Add("Accept-Crs", "epsg:28992");
        request.Headers.Add("Accept", "application/hal+json");
    }

    public async Task<Lookup<BagAddress>> FindAddressAsync(string postcode, int houseNumber, string? addition,
        CancellationToken cancellationToken = default)
    {
        var label = $"{postcode} {houseNumber}{(addition is null ? "" : " " + addition)}";
        var notFound = () => $"Adres {label} niet gevonden in de BAG.";
        var query = $"adressen?postcode={Uri.EscapeDataString(postcode)}&huisnummer={houseNumber}";
        // A single letter is a huisletter (12A); anything else is a toevoeging (12-bis, 12 2).
        if (addition is { Length: 1 } letter && char.IsLetter(letter[0])) query += $"&huisletter={Uri.EscapeDataString(letter.ToUpperInvariant())}";
        else if (addition is not null) query += $"&huisnummertoevoeging={Uri.EscapeDataString(addition)}";
        query += "&exacteMatch=true";

        var lookup = await GetAsync<AdressenDto>(query, _ => true, notFound, cancellationToken);
        return lookup.Map(a => a.Embedded?.Adressen?.FirstOrDefault(x => x.NummeraanduidingIdentificatie is not null) is { } x
            ? new BagAddress(x.OpenbareRuimteNaam ?? "", x.Huisnummer ?? houseNumber, x.Huisletter, x.Huisnummertoevoeging,
                x.Postcode ?? postcode, x.WoonplaatsNaam ?? "", x.NummeraanduidingIdentificatie!, x.AdresseerbaarObjectIdentificatie, x.PandIdentificaties ?? [])
            : null, notFound);
    }

    public async Task<Lookup<BagVerblijfsobject>> GetVerblijfsobjectAsync(string id, string postcode, int houseNumber,
        CancellationToken cancellationToken = default)
    {
        var notFound = () => $"Verblijfsobject {id} niet gevonden in de BAG.";
        var lookup = await GetAsync<VerblijfsobjectHalDto>($"verblijfsobjecten/{Uri.EscapeDataString(id)}",
            v => v.Verblijfsobject?.Identificatie is not null, notFound, cancellationToken);
        return lookup.Map(v => new BagVerblijfsobject(v.Verblijfsobject!.Identificatie!, postcode, houseNumber,
            v.Verblijfsobject.Gebruiksdoelen ?? [], v.Verblijfsobject.Oppervlakte, v.Verblijfsobject.Status), notFound);
    }

    public async Task<Lookup<BagPand>> GetPandAsync(string id, CancellationToken cancellationToken = default)
    {
        var notFound = () => $"Pand {id} niet gevonden in de BAG.";
        var lookup = await GetAsync<PandHalDto>($"panden/{Uri.EscapeDataString(id)}", p => p.Pand?.Identificatie is not null, notFound, cancellationToken);
        return lookup.Map(p => new BagPand(p.Pand!.Identificatie!, p.Pand.OorspronkelijkBouwjaar, p.Pand.Status), notFound);
    }

    private sealed record AdressenDto([property: JsonPropertyName("_embedded")] AdressenEmbeddedDto? Embedded);
    private sealed record AdressenEmbeddedDto(List<AdresDto>? Adressen);
    private sealed record AdresDto(string? OpenbareRuimteNaam, int? Huisnummer, string? Huisletter, string? Huisnummertoevoeging,
        string? Postcode, string? WoonplaatsNaam, string? NummeraanduidingIdentificatie, string? AdresseerbaarObjectIdentificatie,
        List<string>? PandIdentificaties);
    private sealed record VerblijfsobjectHalDto(VerblijfsobjectDto? Verblijfsobject);
    private sealed record VerblijfsobjectDto(string? Identificatie, List<string>? Gebruiksdoelen, int? Oppervlakte, string? Status);
    private sealed record PandHalDto(PandDto? Pand);
    private sealed record PandDto(string? Identificatie, int? OorspronkelijkBouwjaar, string? Status);
}
