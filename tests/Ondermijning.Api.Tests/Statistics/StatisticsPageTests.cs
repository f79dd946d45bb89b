using NodaTime;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Statistics;

public class StatisticsPageTests
{
    [Fact]
    public async Task The_statistics_page_opens_on_the_year_in_progress()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var reader = await factory.SignInOnPagesAsync("demo-statistiek");
        var year = factory.Clock.GetCurrentInstant().InUtc().Year;

        var html = await reader.GetStringAsync("/statistieken");

        html.Should().Contain($"format=csv").And.Contain($"year={year}&", "the downloads follow the year shown");
    }
}
