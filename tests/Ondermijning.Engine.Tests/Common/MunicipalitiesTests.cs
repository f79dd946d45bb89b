using FluentAssertions;
using Ondermijning.Engine.Common;
using Xunit;

namespace Ondermijning.Engine.Tests.Common;

public class MunicipalitiesTests
{
    [Fact]
    public void The_shipped_list_holds_the_342_municipalities_of_2025_each_code_and_name_once_in_twelve_provinces()
    {
        Municipalities.All.Should().HaveCount(342);
        Municipalities.All.Select(m => m.Code).Should().OnlyHaveUniqueItems();
        Municipalities.All.Select(m => m.Name).Should().OnlyHaveUniqueItems();
        Municipalities.All.Select(m => m.Province).Distinct().Should().HaveCount(12);
    }

    [Fact]
    public void A_municipality_is_found_by_its_code_or_by_its_name_as_typed()
    {
        var maastricht = MunicipalityCode.Parse("GM0935");
        Municipalities.NameOf(maastricht).Should().Be("Maastricht");
        Municipalities.FindByNameOrCode(" maastricht ")!.Code.Should().Be(maastricht);
        Municipalities.FindByNameOrCode("gm0935")!.Name.Should().Be("Maastricht");
        Municipalities.FindByNameOrCode("Atlantis").Should().BeNull();
    }

    [Fact]
    public void A_code_CBS_does_not_list_reads_as_itself_rather_than_as_another_municipality()
    {
        Municipalities.NameOf(MunicipalityCode.Parse("GM9999")).Should().Be("GM9999");
    }

    [Fact]
    public void The_list_is_in_the_order_of_CBS_sort_names()
    {
        var names = Municipalities.All.Select(m => m.Name).ToList();
        names.IndexOf("'s-Gravenhage").Should().BeGreaterThan(names.IndexOf("Gouda")).And.BeLessThan(names.IndexOf("Groningen"));
        names[0].Should().Be("Aa en Hunze");
    }
}
