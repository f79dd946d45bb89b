using System.Text.Json.Nodes;
using NodaTime;
using Ondermijning.Api.Problems;
using NodaTime.Text;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;

namespace Ondermijning.Api.Enrichment;

/// <summary>A finding an OOV user found by hand. <c>facts</c> carries structured data, for example the owners on a BRK extract.</summary>
public sealed record ManualFindingRequest([property: ChoiceList(nameof(ChoiceLists.ManualFindingSources))] string? Source, string? Note,
    [property: IsoDate] string? Date, string? Link = null, string? Subject = null,
    JsonObject? Facts = null)
{
    public static readonly IReadOnlyDictionary<string, FindingSource> Sources =
        AddManualFinding.ManualSources.ToDictionary(s => ApiSpelling.Kebab(s));

    public ManualFindingDetails ToDetails(LocalDate today)
    {
        var f = new RequestFields();
        var source = default(FindingSource);
        var sourceKnown = Source is not null && Sources.TryGetValue(Source.Trim(), out source);
        if (!sourceKnown) f.Error("source", Breach.Required($"Say where the finding comes from: one of {string.Join(", ", Sources.Keys)}."));

        var date = f.Date(Date, "date", "the date of the publication or observation", today);
        // A land-registry extract is a document, not a web page; everything else must be checkable by others.
        var link = f.OptionalText(Link, "link", Limits.Link);
        if (link is null)
        {
            if (sourceKnown && source != FindingSource.Kadaster && !f.Has("link"))
                f.Error("link", Breach.Required("Give the web address where this was found, so others can check it."));
        }
        else if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            f.Error("link", "The link is not a web address (http or https).");

        ManualFindingDetails.CheckFacts(f, Facts);
        var subject = f.OptionalText(Subject, "subject", Limits.FindingSubject) ?? "";
        var note = f.Text(Note, "note", "Write down what was found.", Limits.Note, TextKind.MultiLine);
        f.ThrowIfAny();
        var details = new ManualFindingDetails(source, subject, note, link, date, Facts?.ToJsonString() ?? "{}");
        details.Check(f, today);
        f.ThrowIfAny();
        return details;
    }
}

/// <param name="TakenAt">When the decision was taken, if earlier (on paper): as a step's <c>takenAt</c>. A confirmation recorded so
/// may rest on findings this system never saw.</param>
public sealed record EnrichmentDecisionRequest(bool? Confirmed, string? Reason = null, IReadOnlyList<string>? FindingIds = null,
    [property: IsoDateTime] string? TakenAt = null)
{
    public EnrichmentVerdict ToVerdict()
    {
        var f = new RequestFields();
        if (Confirmed is null) f.Error("confirmed", Breach.Required("Say whether the open sources confirm the signal (true) or not (false)."));
        var reason = f.OptionalText(Reason, "reason", Limits.Reason, TextKind.MultiLine);
        var ids = new List<FindingId>();
        foreach (var (text, i) in (FindingIds ?? []).Select((t, i) => (t, i)))
            if (Guid.TryParse(text, out var id)) ids.Add(new FindingId(id));
            else f.Error($"findingIds[{i}]", "This is not a finding id.");
        var takenAt = f.OptionalMoment(TakenAt, "takenAt");
        f.ThrowIfAny();
        return new EnrichmentVerdict(Confirmed!.Value, reason, ids, takenAt);
    }
}
