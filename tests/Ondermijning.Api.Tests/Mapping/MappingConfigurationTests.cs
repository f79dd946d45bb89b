using AutoMapper;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Mapping;

[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class MappingConfigurationTests
{
    [Fact]
    public async Task Every_API_shape_is_fully_mapped()
    {
        await using var factory = new ApiFactory();
        _ = factory.CreateClient();

        factory.Services.GetRequiredService<IMapper>().ConfigurationProvider.AssertConfigurationIsValid();
    }
}
