using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Statistics;

namespace Ondermijning.Engine;

/// <summary>What the chain decided and did, and the statistics computed from it.</summary>
public static class ChainOutcomeServices
{
    public static IServiceCollection AddChainOutcomes(this IServiceCollection services)
    {
        services.AddScoped<IStepObserver, RecordLwoDecision>();
        services.AddScoped<IStepObserver, RecordLwoArrival>();
        services.AddScoped<IStepObserver, RecordStageStay>();
        services.AddScoped<IStepObserver, InterventionsFinishBeforeClosing>();
        services.AddScoped<IStepObserver, StepRestsOnItsOutcome>();
        services.AddScoped<TakeStepWithOutcomes>();
        services.AddScoped<LwoDecisions>();
        services.AddScoped<RecordAtomInspection>();
        services.AddScoped<RecordIntervention>();
        services.AddScoped<RecordEnforcement>();
        services.AddScoped<ChainRecords>();
        services.AddScoped<EnforcementRecords>();
        services.AddScoped<PhenomenonProposals>();
        services.AddScoped<AnnualStatisticsQuery>();
        services.AddScoped<PeriodOverviewQuery>();
        return services;
    }
}
