using System.Text.Json;

namespace Ondermijning.Api.Tests.Enrichment;

/// <summary>Answers in the registers' real shapes: KvK Basisprofiel v1 and Zoeken v2, BAG Individuele Bevragingen v2 (HAL).</summary>
public static class RegisterFormats
{
    public const string KvkNumber = "12345678";
    public const string ProfilePath = "/kvk/api/v1/basisprofielen/12345678";
    public const string CompaniesAtAddressPath = "/kvk/api/v2/zoeken?postcode=6211AB&huisnummer=12";
    public const string BagAddressPath = "/bag/adressen?postcode=6211AB&huisnummer=12&exacteMatch=true";
    public const string VerblijfsobjectId = "0935010000012345";
    public const string PandId = "0935100000054321";
    public const string VerblijfsobjectPath = "/bag/verblijfsobjecten/0935010000012345";
    public const string PandPath = "/bag/panden/0935100000054321";

    public static string KvkFout(string code, string omschrijving) =>
        JsonSerializer.Serialize(new { fout = new[] { new { code, omschrijving } } });

    public static string Basisprofiel(string registered = "20150312", string? ended = null, string place = "Maastricht",
        string sbiCode = "96021", string sbiDescription = "Haarverzorging") => $$"""
        {
          "kvkNummer": "{{KvkNumber}}",
          "indNonMailing": "Ja",
          "naam": "Kapsalon De Schaar",
          "formeleRegistratiedatum": "{{registered}}",
          "materieleRegistratie": { "datumAanvang": "{{registered}}"{{(ended is null ? "" : $", \"datumEinde\": \"{ended}\"")}} },
          "totaalWerkzamePersonen": 2,
          "handelsnamen": [ { "naam": "Kapsalon De Schaar", "volgorde": 0 }, { "naam": "De Schaar Barbershop", "volgorde": 1 } ],
          "sbiActiviteiten": [ { "sbiCode": "{{sbiCode}}", "sbiOmschrijving": "{{sbiDescription}}", "indHoofdactiviteit": "Ja" } ],
          "links": [ { "rel": "self", "href": "https://api.kvk.nl/api/v1/basisprofielen/{{KvkNumber}}" } ],
          "_embedded": {
            "hoofdvestiging": {
              "vestigingsnummer": "000012345678",
              "kvkNummer": "{{KvkNumber}}",
              "eersteHandelsnaam": "Kapsalon De Schaar",
              "indHoofdvestiging": "Ja",
              "adressen": [ {
                "type": "bezoekadres", "indAfgeschermd": "Nee",
                "volledigAdres": "Grote Straat 12 6211AB {{place}}",
                "straatnaam": "Grote Straat", "huisnummer": 12, "postcode": "6211AB", "plaats": "{{place}}", "land": "Nederland"
              } ]
            },
            "eigenaar": { "rechtsvorm": "Eenmanszaak", "uitgebreideRechtsvorm": "Eenmanszaak" }
          }
        }
        """;

    public static string Zoeken(int totaal) => JsonSerializer.Serialize(new
    {
        pagina = 1,
        resultatenPerPagina = 10,
        totaal,
        resultaten = Enumerable.Range(1, Math.Min(totaal, 10)).Select(i => new
        {
            kvkNummer = $"{87654300 + i}",
            naam = $"Bedrijf {i} BV",
            adres = new { binnenlandsAdres = new { type = "bezoekadres", straatnaam = "Grote Straat", huisnummer = 12, postcode = "6211AB", plaats = "Maastricht" } },
            type = "hoofdvestiging",
            actief = "Ja",
            links = new[] { new { rel = "basisprofiel", href = $"https://api.kvk.nl/api/v1/basisprofielen/{87654300 + i}" } },
        }),
    });

    public static string BagAdressen() => $$"""
        {
          "_links": { "self": { "href": "https://api.bag.kadaster.nl/lvbag/individuelebevragingen/v2/adressen?postcode=6211AB&huisnummer=12" } },
          "_embedded": {
            "adressen": [ {
              "openbareRuimteNaam": "Grote Straat", "korteNaam": "Grote Straat", "huisnummer": 12, "postcode": "6211AB",
              "woonplaatsNaam": "Maastricht", "nummeraanduidingIdentificatie": "0935200000011111",
              "openbareRuimteIdentificatie": "0935300000022222", "woonplaatsIdentificatie": "2991",
              "adresseerbaarObjectIdentificatie": "{{VerblijfsobjectId}}", "pandIdentificaties": [ "{{PandId}}" ],
              "adresregel5": "Grote Straat 12", "adresregel6": "6211 AB  MAASTRICHT"
            } ]
          }
        }
        """;

    public static string Verblijfsobject(params string[] gebruiksdoelen) => $$"""
        {
          "verblijfsobject": {
            "identificatie": "{{VerblijfsobjectId}}", "domein": "NL.IMBAG.Verblijfsobject",
            "geometrie": { "punt": { "type": "Point", "coordinates": [176512.0, 317632.0, 0.0] } },
            "gebruiksdoelen": {{JsonSerializer.Serialize(gebruiksdoelen)}},
            "oppervlakte": 85, "status": "Verblijfsobject in gebruik", "geconstateerd": "N",
            "documentdatum": "2010-05-01", "documentnummer": "BAG-2010-001",
            "maaktDeelUitVan": [ "{{PandId}}" ], "heeftAlsHoofdAdres": "0935200000011111"
          },
          "_links": { "self": { "href": "https://api.bag.kadaster.nl/lvbag/individuelebevragingen/v2/verblijfsobjecten/{{VerblijfsobjectId}}" } }
        }
        """;

    public static string Pand() => $$"""
        {
          "pand": {
            "identificatie": "{{PandId}}", "domein": "NL.IMBAG.Pand",
            "oorspronkelijkBouwjaar": "1932", "status": "Pand in gebruik", "geconstateerd": "N",
            "documentdatum": "2010-05-01", "documentnummer": "BAG-2010-002"
          },
          "_links": { "self": { "href": "https://api.bag.kadaster.nl/lvbag/individuelebevragingen/v2/panden/{{PandId}}" } }
        }
        """;

    /// <summary>Every register knows the test signal's company and address: a hairdresser in a shop.</summary>
    public static void ServeFoundCompanyAndAddress(this FakeRegisters registers, string? profile = null, int companiesAtAddress = 1,
        params string[] gebruiksdoelen)
    {
        registers.On(ProfilePath, Reply.Ok(profile ?? Basisprofiel()));
        registers.On(CompaniesAtAddressPath, Reply.Ok(Zoeken(companiesAtAddress)));
        registers.On(BagAddressPath, Reply.Ok(BagAdressen()));
        registers.On(VerblijfsobjectPath, Reply.Ok(Verblijfsobject(gebruiksdoelen.Length == 0 ? ["winkelfunctie"] : gebruiksdoelen)));
        registers.On(PandPath, Reply.Ok(Pand()));
    }
}
