using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Privacy;

/// <summary>What a user may see of a case's information: the items themselves, and only the number of the others.</summary>
public sealed record VisibleInformation(IReadOnlyList<InformationItem> Items, int WithheldCount)
{
    public static VisibleInformation None { get; } = new([], 0);
}

public sealed record SearchHit(Case Case, InformationItem Item);

/// <summary>
/// Adding and reading information items. Every path that returns item contents goes through <see cref="ReadAsync"/>
/// or <see cref="SearchAsync"/>, which apply the gates and write the access log.
/// </summary>
public sealed class CaseInformation(OndermijningDbContext db, AccessGate gate, InformationAccess access, AccessLog log, IClock clock)
{
    public const int MaxSearchHits = 100;
    private const string ExportPurpose = "export van het dossier";

    public async Task<InformationItem> AddAsync(CaseId caseId, NewInformationItem item, Actor actor, CancellationToken cancellationToken = default)
    {
        var today = clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date;
        var fields = new Fields();
        item = item.Check(fields);
        fields.Check(item.InformationDate, "informationDate", notAfter: today);
        fields.ThrowIfAny();
        var @case = await gate.CaseAsync(caseId, actor, Permission.AddInformation, cancellationToken: cancellationToken);
        // The source is who shares it: nobody adds information in another organisation's name.
        if (item.Source != actor.Organisation)
            throw new EngineProblem(ProblemKind.Forbidden, "You can only share your own organisation's information",
                $"You sign in for {access.Vocabulary.NameOf(actor.Organisation)}, so the source of what you add is {access.Vocabulary.NameOf(actor.Organisation)}, " +
                $"not {access.Vocabulary.NameOf(item.Source)}.",
                new Dictionary<string, string[]> { ["sourceOrganisation"] = [$"Your organisation: {actor.Organisation}."] });
        CheckAge(access.GateForAdding(@case, item.Category, actor), item, today);
        if (await db.RecordedBeforeAsync<InformationItem>(cancellationToken) is { } earlier)
            // Answered with its content again, so read as any reading is: through the gates, and logged.
            return (await ReadAsync(@case, actor, AccessAction.Read, cancellationToken, [earlier.Id])).Items.SingleOrDefault()
                ?? throw new EngineProblem(ProblemKind.Forbidden, "You can no longer read this item",
                    $"The key already added item {earlier.Id}, which the privacy protocol no longer lets you read at this stage.");

        var now = clock.GetCurrentInstant();
        var added = new InformationItem(@case.Id, item, @case.Stage, @case.Severity, now, actor);
        db.AddRecord(added, now);
        AccessEntry[] entries = added.IsGated
            ? [new AccessEntry(actor, @case.Id, @case.Municipality, added.Id, AccessAction.Add, ProcessingActivity.RecordInformation,
                access.Purpose(@case, @case.Stage), added.LegalBasis)]
            : [];
        await log.AppendAsync(entries, cancellationToken);
        return added;
    }

    private static void CheckAge(InformationGate gate, NewInformationItem item, LocalDate today)
    {
        if (gate.MaximumAge is not { } maximum) return;
        var oldest = today - maximum;
        // Without a date the age cannot be checked, and a rule that a missing date passes would be no rule.
        if (item.InformationDate is not { } date)
            throw new EngineProblem(ProblemKind.RuleViolation, "Give the date of the information",
                $"Gate '{gate.Id}' of the privacy protocol accepts information of at most {maximum} old, so say of when it is (informationDate).",
                new Dictionary<string, string[]> { ["informationDate"] = [$"Give the date of the information; it may be at most {maximum} old."] });
        if (date < oldest)
            throw new EngineProblem(ProblemKind.RuleViolation, "The information is too old",
                $"Gate '{gate.Id}' of the privacy protocol accepts information of at most {maximum} old, dated {oldest:uuuu-MM-dd} or later; " +
                $"this information is of {date:uuuu-MM-dd}. Information that old must not be requested or shared.",
                new Dictionary<string, string[]> { ["informationDate"] = [$"The information is of {date:uuuu-MM-dd}; gate '{gate.Id}' accepts {oldest:uuuu-MM-dd} or later."] });
    }

    /// <summary>
    /// The items of <paramref name="case"/> the user may read, logged as <paramref name="action"/> when gated; with
    /// <paramref name="only"/>, just those items, so that what is logged is what is shown.
    /// </summary>
    public async Task<VisibleInformation> ReadAsync(Case @case, Actor actor, AccessAction action = AccessAction.Read,
        CancellationToken cancellationToken = default, IReadOnlyCollection<InformationItemId>? only = null)
    {
        var query = db.InformationItems.AsNoTracking().Where(i => i.CaseId == @case.Id);
        if (only is not null)
        {
            var ids = only.ToList();
            query = query.Where(i => ids.Contains(i.Id));
        }
        var items = await query.OrderBy(i => i.AddedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var visible = items.Where(i => access.MayRead(@case, i, actor)).ToList();

        var activity = action == AccessAction.Export ? ProcessingActivity.ExportCase : ProcessingActivity.ReadInformation;
        var entries = new List<AccessEntry>();
        if (action == AccessAction.Export)
            entries.Add(new AccessEntry(actor, @case.Id, @case.Municipality, null, AccessAction.Export, activity, ExportPurpose, "per onderdeel vastgelegd"));
        entries.AddRange(visible.Where(i => i.IsGated).Select(i =>
            new AccessEntry(actor, @case.Id, @case.Municipality, i.Id, action, activity, access.Purpose(@case, i.AddedAtStage), i.LegalBasis)));
        await log.AppendAsync(entries, cancellationToken);
        return new VisibleInformation(visible, items.Count - visible.Count);
    }

    /// <summary>Items whose content contains <paramref name="text"/>, among those the user may read; the rest stay invisible, not even counted.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ReadInformation);
        var candidates = await db.InformationItems.AsNoTracking()
            .Where(i => i.ErasedAt == null && i.Content.Contains(text))
            .Join(gate.WithoutHidden(db.Cases.AsNoTracking().VisibleTo(actor), actor), i => i.CaseId, c => c.Id, (i, c) => new { Item = i, Case = c })
            .OrderByDescending(x => x.Item.AddedAt)
            .ToListAsync(cancellationToken);
        var hits = candidates.Where(x => access.MayRead(x.Case, x.Item, actor))
            .Take(MaxSearchHits)
            .Select(x => new SearchHit(x.Case, x.Item))
            .ToList();
        await log.AppendAsync(hits.Where(h => h.Item.IsGated)
            .Select(h => new AccessEntry(actor, h.Case.Id, h.Case.Municipality, h.Item.Id, AccessAction.Read, ProcessingActivity.SearchInformation,
                access.Purpose(h.Case, h.Item.AddedAtStage), h.Item.LegalBasis))
            .ToList(), cancellationToken);
        return hits;
    }
}
