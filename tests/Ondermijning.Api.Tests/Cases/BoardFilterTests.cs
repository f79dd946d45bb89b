using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Cases;

public class BranchFilterTests
{
    [Fact]
    public async Task The_boards_branch_filter_ignores_case_and_finds_part_of_a_branch()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var oov = factory.CreateClient();
        var horeca = (await oov.RegisterAsync(ApiClient.Signal(branch: "Horeca"))).Str("id");
        var recreatie = (await oov.RegisterAsync(ApiClient.Signal(branch: "horeca en recreatie"))).Str("id");
        var kappers = (await oov.RegisterAsync(ApiClient.Signal(branch: "kappers"))).Str("id");
        var board = await factory.SignInOnPagesAsync("demo-oov");

        foreach (var filter in new[] { "horeca", "HORECA", " Horeca ", "reca" })
        {
            var html = await board.GetStringAsync($"/?branche={Uri.EscapeDataString(filter)}");
            html.Should().Contain($"/zaken/{horeca}").And.Contain($"/zaken/{recreatie}", $"'{filter}' is part of both branches");
            html.Should().NotContain($"/zaken/{kappers}");
        }
    }
}
