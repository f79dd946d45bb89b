using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Interventions;

public sealed class PhenomenonProposalOptions
{
    public const string Section = "PhenomenonProposals";

    /// <summary>How many signals about one branch, area or target group make a proposal.</summary>
    public int Threshold { get; set; } = 3;

    /// <summary>Over how many days back from today the signals are counted.</summary>
    public int WindowDays { get; set; } = 90;
}

/// <param name="Studies">Studies of this subject that started within the window: the proposal may already be taken up.</param>
public sealed record PhenomenonProposal(PhenomenonSubject SubjectKind, string Subject, int Signals, LocalDate WindowStart,
    LocalDate WindowEnd, IReadOnlyList<PhenomenonStudyId> Studies);

/// <summary>
/// Proposes a phenomenon study to the OOV regisseur when enough signals within the window concern one branch,
/// area (postcode digits) or target group (phenomenon tag). Proposals are computed when asked, so changing the
/// threshold or window takes effect at once.
/// </summary>
public sealed class PhenomenonProposals(OndermijningDbContext db, IClock clock, IOptions<PhenomenonProposalOptions> options)
{
    public async Task<IReadOnlyList<PhenomenonProposal>> ForAsync(MunicipalityCode municipality, Actor actor,
        CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ReadPhenomenonProposals, municipality);
        var (threshold, windowDays) = (Math.Max(1, options.Value.Threshold), Math.Max(1, options.Value.WindowDays));
        var now = clock.GetCurrentInstant();
        var today = now.InZone(Amsterdam.Zone).Date;
        // The window holds today and the windowDays - 1 days before it, whole days in Amsterdam.
        var windowStart = today.PlusDays(1 - windowDays);
        var from = windowStart.AtStartOfDayInZone(Amsterdam.Zone).ToInstant();

        var cases = db.Cases.Where(c => c.Municipality == municipality && c.ReceivedAt >= from && c.ReceivedAt <= now);

        var branches = await cases.Where(c => c.Branch != null)
            .GroupBy(c => c.Branch!.ToLower())
            .Select(g => new { Subject = g.Key, Signals = g.Count() })
            .Where(g => g.Signals >= threshold)
            .ToListAsync(cancellationToken);

        var areas = await cases
            .Join(db.CaseAddresses.Where(a => a.Postcode.Length >= 4), c => c.Id, a => a.CaseId,
                (_, a) => new { a.CaseId, Area = a.Postcode.Substring(0, 4) })
            .Distinct()
            .GroupBy(a => a.Area)
            .Select(g => new { Subject = g.Key, Signals = g.Count() })
            .Where(g => g.Signals >= threshold)
            .ToListAsync(cancellationToken);

        // SQLite cannot group over the elements of a JSON column in a portable query, so only the tag lists of the
        // window's cases are read (one municipality, a few months: bounded) and counted here. Tags are unique per case.
        var groups = (await cases.Select(c => c.PhenomenonTags).ToListAsync(cancellationToken))
            .SelectMany(tags => tags)
            .GroupBy(tag => tag)
            .Select(g => new { Subject = g.Key, Signals = g.Count() })
            .Where(g => g.Signals >= threshold)
            .ToList();

        var found = branches.Select(b => (Kind: PhenomenonSubject.Branch, b.Subject, b.Signals))
            .Concat(areas.Select(a => (Kind: PhenomenonSubject.Area, a.Subject, a.Signals)))
            .Concat(groups.Select(g => (Kind: PhenomenonSubject.TargetGroup, g.Subject, g.Signals)))
            .ToList();
        if (found.Count == 0) return [];

        var studies = await db.Set<PhenomenonStudy>().AsNoTracking()
            .Where(s => s.Municipality == municipality && s.StartedOn >= windowStart)
            .Select(s => new { s.Id, s.SubjectKind, s.Subject })
            .ToListAsync(cancellationToken);

        return found
            .Select(f => new PhenomenonProposal(f.Kind, f.Subject, f.Signals, windowStart, today,
                studies.Where(s => s.SubjectKind == f.Kind && string.Equals(s.Subject, f.Subject, StringComparison.OrdinalIgnoreCase))
                    .Select(s => s.Id).ToList()))
            .OrderByDescending(p => p.Signals).ThenBy(p => p.SubjectKind).ThenBy(p => p.Subject, StringComparer.Ordinal)
            .ToList();
    }
}
