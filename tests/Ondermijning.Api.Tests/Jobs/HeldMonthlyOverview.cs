using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Ondermijning.Engine.Deadlines;

namespace Ondermijning.Api.Tests.Jobs;

/// <summary>
/// A monthly overview that, while <see cref="Hold"/> is set, is not finished until the test releases it, and counts how
/// many productions run at the same moment: a slow run, as a real one at a million cases is, without the million cases.
/// </summary>
public sealed class HeldMonthlyOverview
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private int _mostAtOnce;

    public bool Hold { get; set; } = true;
    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);
    /// <summary>Done once a production has started.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _release.TrySetResult();

    /// <summary>Replaces the shipped monthly content of a host; the annual draft stays as shipped.</summary>
    public void Install(IServiceCollection services)
    {
        services.RemoveAll<IReportContent>();
        services.AddSingleton(this);
        services.AddScoped<IReportContent, Content>();
        services.AddScoped<IReportContent, AnnualDraftContent>();
    }

    private sealed class Content(HeldMonthlyOverview held) : IReportContent
    {
        public ReportKind Kind => ReportKind.MonthlyOverview;

        public async Task<object> ProduceAsync(DateInterval period, CancellationToken cancellationToken)
        {
            var running = Interlocked.Increment(ref held._running);
            try
            {
                int most;
                while (running > (most = held.MostAtOnce) && Interlocked.CompareExchange(ref held._mostAtOnce, running, most) != most) { }
                held._entered.TrySetResult();
                if (held.Hold) await held._release.Task.WaitAsync(cancellationToken);
                return new { month = $"{period.Start:yyyy-MM}", municipalities = Array.Empty<object>() };
            }
            finally
            {
                Interlocked.Decrement(ref held._running);
            }
        }
    }
}
