using Microsoft.Extensions.DependencyInjection;

namespace Ondermijning.Engine.Deadlines;

public static class DeadlineServices
{
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.AddScoped<BackfillStays>();
        services.AddScoped<EscalateOverdueCases>();
        services.AddScoped<OverdueCases>();
        services.AddScoped<JobRuns>();
        services.AddScoped<ProduceReportSnapshot>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<IReportContent, MonthlyOverviewContent>();
        services.AddScoped<IReportContent, AnnualDraftContent>();
        return services;
    }
}
