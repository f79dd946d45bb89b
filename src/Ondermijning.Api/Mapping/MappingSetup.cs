using System.Collections.Concurrent;
using AutoMapper;

namespace Ondermijning.Api.Mapping;

public static class MappingSetup
{
    private static readonly ConcurrentDictionary<(string? LicenseKey, ILoggerFactory Logs), MapperConfiguration> Configurations = new();

    /// <summary>
    /// AutoMapper at the API boundary. Its configuration follows from the profiles (code) and the licence key alone, yet
    /// building it and compiling each map's plan took about a tenth of a host's start and first requests. A process builds
    /// it once, so a host started again in the same process (the hundreds of test hosts of one test run) reuses it and
    /// its compiled maps.
    /// </summary>
    public static IServiceCollection AddApiMapping(this IServiceCollection services, string? licenseKey)
    {
        services.AddSingleton<AutoMapper.IConfigurationProvider>(provider => Configurations.GetOrAdd(
            (licenseKey, provider.GetRequiredService<ILoggerFactory>()),
            key => new MapperConfiguration(cfg =>
            {
                // Production use needs a licence key (see README, "Configuration").
                cfg.LicenseKey = key.LicenseKey;
                // Every slice's profile in this assembly, so a new slice's maps cannot be left out.
                cfg.AddMaps(typeof(MappingSetup).Assembly);
            }, key.Logs)));
        services.AddTransient<IMapper>(provider => new Mapper(provider.GetRequiredService<AutoMapper.IConfigurationProvider>(), provider.GetService));
        return services;
    }
}
