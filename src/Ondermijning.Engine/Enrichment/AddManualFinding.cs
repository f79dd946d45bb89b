using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Enrichment;

/// <summary>
/// An open-source finding an OOV user found by hand: a web page, a social-media post, a news article, or
/// land-registry (BRK) ownership, which has no public API and arrives as an extract or import.
/// </summary>
/// <param name="FactsJson">Structured facts (for example the owners on a BRK extract) as a JSON object; "{}" when there are none.</param>
public sealed record ManualFindingDetails(FindingSource Source, string Subject, string Note, string? Link, LocalDate ObservedOn, string FactsJson)
{
    /// <summary>The texts within their limits and free of control characters and lone surrogates, the facts' strings and names too.</summary>
    public void Check(Fields f, LocalDate today)
    {
        f.OptionalText(Subject, "subject", Limits.FindingSubject);
        f.Text(Note, "note", "Write down what was found.", Limits.Note, TextKind.MultiLine);
        f.OptionalText(Link, "link", Limits.Link);
        f.Check(ObservedOn, "date", today);
        if (FactsJson.Length > Limits.FindingFacts)
            f.Error("facts", new Breach(FieldRule.TooLong, $"The facts take at most {Limits.FindingFacts} characters as JSON.", Limits.FindingFacts));
        else CheckFacts(f, JsonNode.Parse(FactsJson), "facts");
    }

    /// <summary>Every name and string in the facts; a client's facts are checked before they are written as JSON, which a lone surrogate breaks.</summary>
    public static void CheckFacts(Fields f, JsonNode? node, string path = "facts")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (TextRule.Check(name, Limits.Code, TextKind.SingleLine) is { } breach) f.Error(path, breach);
                    else CheckFacts(f, value, $"{path}.{name}");
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) CheckFacts(f, a[i], $"{path}[{i}]");
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                string text;
                try
                {
                    text = v.GetValue<string>();
                }
                catch (InvalidOperationException)
                {
                    // The JSON reader will not even decode half a surrogate pair into a string.
                    f.Error(path, new Breach(FieldRule.LoneSurrogate, "The text holds an invalid character (a lone UTF-16 surrogate)."));
                    break;
                }
                if (TextRule.Check(text, Limits.FindingFacts, TextKind.MultiLine) is { } textBreach) f.Error(path, textBreach);
                break;
        }
    }
}

public sealed class AddManualFinding(OndermijningDbContext db, AccessGate gate, InformationAccess access, FindingItems items, IClock clock)
{
    public static readonly IReadOnlySet<FindingSource> ManualSources =
        new HashSet<FindingSource> { FindingSource.Internet, FindingSource.SocialMedia, FindingSource.News, FindingSource.Kadaster };

    public async Task<EnrichmentFinding> HandleAsync(CaseId caseId, ManualFindingDetails details, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (!ManualSources.Contains(details.Source))
            throw new ArgumentException($"{details.Source} findings come from the register, not from a user.", nameof(details));
        var f = new Fields();
        details.Check(f, clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date);
        f.ThrowIfAny();
        var @case = await gate.CaseAsync(caseId, actor, Permission.AddFinding, cancellationToken: cancellationToken);
        if (await db.RecordedBeforeAsync<EnrichmentFinding>(cancellationToken) is { } earlier) return earlier;
        // A finding is open-source information: where the protocol does not let this user add that, it is refused as an item would be.
        access.GateForAdding(@case, InformationCategory.Open, actor);

        var now = clock.GetCurrentInstant();
        var finding = EnrichmentFinding.Manual(caseId, details.Source, details.Subject, details.Note, details.Link, details.ObservedOn,
            details.FactsJson, now, actor);
        db.AddRecord(finding, now);
        if (items.For(@case, finding, actor, now) is { } item) db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return finding;
    }
}
