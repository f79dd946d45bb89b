using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Enrichment;

/// <summary>
/// Every answer of a register (and every manual finding) also becomes an open-source information item on the case,
/// so it travels with the case's other information under the privacy protocol's gate for open sources. The finding
/// keeps the full provenance (request, raw answer); the item names the finding it came from.
/// </summary>
public sealed class FindingItems(InformationAccess access)
{
    /// <summary>The item for <paramref name="finding"/>; none when the register failed or no gate lets the actor add open information here.</summary>
    public InformationItem? For(Case @case, EnrichmentFinding finding, Actor actor, Instant now)
    {
        if (finding.Status == FindingStatus.Failed || !access.AddableCategories(@case, actor).Contains(InformationCategory.Open)) return null;
        var provenance = finding.RequestUrl is { } request
            ? $"bron {finding.SourceOrganisation}, opgevraagd op {finding.RetrievedAt.InZone(Amsterdam.Zone).ToString("d MMMM yyyy HH:mm", Dutch)} ({request}) door {finding.RecordedByName}"
            : $"bron {finding.SourceOrganisation}{(finding.Link is { } link ? $" ({link})" : "")}{(finding.ObservedOn is { } on ? $", waargenomen op {on.ToString("d MMMM yyyy", Dutch)}" : "")}, vastgelegd door {finding.RecordedByName}";
        var content = $"{finding.Summary} [{provenance}; bevinding {finding.Id}]";
        var item = new InformationItem(@case.Id, new NewInformationItem(InformationCategory.Open, actor.Organisation, LegalBasis(finding.Source),
            content, Confidentiality.Openbaar), @case.Stage, @case.Severity, now, actor);
        finding.SharedAs(item);
        return item;
    }

    // The item's text is read on the case page, so its dates are written as the pages write them.
    private static readonly System.Globalization.CultureInfo Dutch = new("nl-NL");

    private static string LegalBasis(FindingSource source) => source switch
    {
        FindingSource.Kvk => "Openbaar register: Handelsregisterwet 2007",
        FindingSource.Bag => "Openbaar register: Wet basisregistratie adressen en gebouwen",
        FindingSource.Kadaster => "Openbaar register: Kadasterwet",
        _ => "Openbare bron (internet, sociale media, nieuws)",
    };
}
