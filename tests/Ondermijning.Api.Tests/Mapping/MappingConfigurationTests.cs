using AutoMapper;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Mapping;

public class MappingConfigurationTests
{
    [Fact]
    public async Task The_api_mapping_profile_maps_every_member()
    {
        await using var factory = new ApiFactory();
        factory.Services.GetRequiredService<IMapper>().ConfigurationProvider.AssertConfigurationIsValid();
    }
}
