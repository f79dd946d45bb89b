using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>The case page and its print write an address as a Dutch reader expects it, also when only postcode and number are known.</summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class CasePageAddressTests
{
    [Fact]
    public async Task An_address_reads_as_on_an_envelope_and_without_a_street_its_number_says_what_it_is()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var api = factory.CreateClient();
        var id = (await api.RegisterAsync(new
        {
            municipality = "GM0935", sourceChannel = "meld-misdaad-anoniem", description = "Veel bezoekers bij een pand",
            addresses = new object[]
            {
                new { postcode = "6211AB", houseNumber = 12, houseNumberAddition = "a", street = "Grote Straat", city = "Maastricht" },
                new { postcode = "6221EA", houseNumber = 7 },
            },
        })).Str("id");
        var page = await factory.SignInOnPagesAsync("demo-oov");

        foreach (var path in new[] { $"/zaken/{id}", $"/zaken/{id}/afdrukken" })
        {
            var html = await page.GetStringAsync(path);
            html.Should().Contain("Adres: Grote Straat 12a, 6211 AB Maastricht", path);
            html.Should().Contain("Adres: huisnummer 7, 6221 EA<", path);
        }
    }
}
