using System.Text.Json.Nodes;
using NodaTime;
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
        AddManualFinding.ManualSources.ToDictionary(s => ApiMappingProfile.Kebab(s.ToString()));

    public ManualFindingDetails ToDetails(LocalDate today)
    {
        var errors = new Dictionary<string, string[]>();
        var source = default(FindingSource);
        var sourceKnown = Source is not null && Sources.TryGetValue(Source.Trim(), out source);
        if (!sourceKnown) errors["source"] = [$"Say where the finding comes from: one of {string.Join(", ", Sources.Keys)}."];

        if (string.IsNullOrWhiteSpace(Note)) errors["note"] = ["Write down what was found."];
        else if (Note.Length > 4000) errors["note"] = ["The note is longer than 4000 characters; shorten it."];

        LocalDate date = default;
        var parsed = Date is null ? null : LocalDatePattern.Iso.Parse(Date.Trim());
        if (parsed is not { Success: true }) errors["date"] = ["Give the date of the publication or observation as YYYY-MM-DD."];
        else if (parsed.Value > today) errors["date"] = ["The date lies in the future."];
        else date = parsed.Value;

        // A land-registry extract is a document, not a web page; everything else must be checkable by others.
        if (string.IsNullOrWhiteSpace(Link))
        {
            if (sourceKnown && source != FindingSource.Kadaster)
                errors["link"] = ["Give the web address where this was found, so others can check it."];
        }
        else if (!Uri.TryCreate(Link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || Link.Length > 2000)
            errors["link"] = ["The link is not a web address (http or https)."];

        if (Subject is { Length: > 300 }) errors["subject"] = ["The subject is longer than 300 characters."];
        if (errors.Count > 0) throw EngineProblem.Validation(errors);

        return new ManualFindingDetails(source, Subject?.Trim() ?? "", Note!.Trim(), string.IsNullOrWhiteSpace(Link) ? null : Link.Trim(),
            date, Facts?.ToJsonString() ?? "{}");
    }
}

public sealed record EnrichmentDecisionRequest(bool? Confirmed, string? Reason = null, IReadOnlyList<string>? FindingIds = null)
{
    public EnrichmentVerdict ToVerdict()
    {
        var errors = new Dictionary<string, string[]>();
        if (Confirmed is null) errors["confirmed"] = ["Say whether the open sources confirm the signal (true) or not (false)."];
        var ids = new List<FindingId>();
        foreach (var text in FindingIds ?? [])
            if (Guid.TryParse(text, out var id)) ids.Add(new FindingId(id));
            else errors["findingIds"] = [$"'{text}' is not a finding id."];
        if (errors.Count > 0) throw EngineProblem.Validation(errors);
        return new EnrichmentVerdict(Confirmed!.Value, Reason, ids);
    }
}
