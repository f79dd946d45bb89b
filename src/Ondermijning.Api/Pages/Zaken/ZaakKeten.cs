using NodaTime;
using Ondermijning.Api.Enrichment;
using Ondermijning.Api.Problems;
using Ondermijning.Engine;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Zaken;

/// <summary>
/// The chain's records on the case page — enrichment, ATOM inspections and MOT interventions — read and written through
/// the engine commands the API uses, so the pages and the API record the same.
/// </summary>
public sealed class ZaakKeten(EnrichmentProviders providers, EnrichmentQueries enrichment, EnrichCase enrich, AddManualFinding addFinding,
    DecideEnrichment decide, RecordAtomInspection atom, RecordIntervention interventions, TakeStepWithOutcomes takeStep, IClock clock)
{
    public IReadOnlyList<ProviderStatus> Providers { get; private set; } = [];
    public EnrichmentProposal? Proposal { get; private set; }
    public IReadOnlyList<EnrichmentDecision> Decisions { get; private set; } = [];
    public IReadOnlyList<AtomInspection> Inspections { get; private set; } = [];
    public IReadOnlyList<Intervention> Interventions { get; private set; } = [];
    public IReadOnlyList<InterventionSubtype> Subtypes { get; private set; } = [];
    public int PlannedInterventions => Interventions.Count(i => i.Status == InterventionStatus.Planned);
    public bool MayEnrich { get; private set; }
    public bool MayRecordInterventions { get; private set; }

    public async Task LoadAsync(Case @case, WorkflowDefinition definition, Actor actor, CancellationToken cancellationToken)
    {
        MayEnrich = actor.HasRoleFor(Permission.RunEnrichment);
        MayRecordInterventions = actor.HasRoleFor(Permission.RecordIntervention);
        Providers = providers.All;
        var decidesNow = definition.TransitionsFrom(@case.Stage).Any(t => ChainSteps.Records(t) == StepRecord.EnrichmentDecision);
        if (decidesNow && actor.HasRoleFor(Permission.DecideEnrichment)) Proposal = await enrichment.ProposeAsync(@case.Id, actor, cancellationToken);
        if (!actor.HasRoleFor(Permission.ReadInformation)) return;
        Decisions = await enrichment.DecisionsAsync(@case.Id, actor, cancellationToken);
        Inspections = await atom.ListAsync(@case.Id, actor, cancellationToken);
        Interventions = await interventions.ListAsync(@case.Id, actor, cancellationToken);
        Subtypes = await interventions.SubtypesAsync(cancellationToken);
    }

    public Task RunAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken) => enrich.RunAsync(caseId, actor, cancellationToken);

    public Task AddFindingAsync(CaseId caseId, BevindingInvoer invoer, Actor actor, CancellationToken cancellationToken)
    {
        var details = new ManualFindingRequest(invoer.Bron, invoer.Notitie, invoer.Datum, invoer.Link, invoer.Onderwerp)
            .ToDetails(clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date);
        return addFinding.HandleAsync(caseId, details, actor, cancellationToken);
    }

    /// <summary>
    /// Takes a step from the case page with what it records: the enrichment verdict with the findings it rests on, or the
    /// inspection or interventions of a sitting's step; any other step is only the move.
    /// </summary>
    public async Task<Case> TakeStepAsync(CaseId caseId, WorkflowDefinition definition, TransitionDefinition? transition, TriggerRequest request,
        int revision, StapInvoer invoer, Actor actor, CancellationToken cancellationToken)
    {
        var records = transition is null ? StepRecord.None : ChainSteps.Records(transition);
        if (records == StepRecord.EnrichmentDecision)
        {
            var verdict = new EnrichmentDecisionRequest(ChainSteps.VerdictOf(transition!), request.Reason, invoer.Bevindingen).ToVerdict()
                with { TakenAt = request.TakenAt };
            return await decide.HandleAsync(caseId, verdict, actor, cancellationToken);
        }
        // A step that rests on an inspection is dated by the inspection, so its date is asked once, labelled as the inspection's.
        if (records == StepRecord.AtomInspection && !string.IsNullOrWhiteSpace(invoer.Controle?.Datum))
            request = request with { Information = KetenInvoer.Dated(transition!, request.Information, invoer.Controle.Datum.Trim()) };
        var sittingDate = transition is null ? null : KetenInvoer.Dates(transition).Select(d => request.Information.GetValueOrDefault(d.Key)).FirstOrDefault();
        var outcomes = KetenInvoer.Outcomes(records, invoer.Controle, invoer.Interventies, sittingDate);
        return await takeStep.HandleAsync(caseId, request, revision, outcomes, actor, cancellationToken);
    }

    public Task ChangeStatusAsync(CaseId caseId, string? interventie, string? status, string? datum, string? toelichting, Actor actor,
        CancellationToken cancellationToken)
    {
        var f = new RequestFields();
        if (!InterventionId.TryParse(interventie, out var id)) f.Error("status", "Choose an intervention of this case.");
        var newStatus = f.Choice<InterventionStatus>(status, "status", "the new status");
        var date = f.OptionalDate(datum, "date");
        var note = f.OptionalText(toelichting, "note", Limits.Note, TextKind.MultiLine);
        f.ThrowIfAny();
        return interventions.ChangeStatusAsync(caseId, id, newStatus, date, note, actor, cancellationToken);
    }

    public Task RecordInterventionAsync(CaseId caseId, InterventionDetails details, Actor actor, CancellationToken cancellationToken) =>
        interventions.HandleAsync(caseId, details, actor, cancellationToken);

    public static string ProviderName(EnrichmentProvider provider) => provider switch
    {
        EnrichmentProvider.Kvk => "KvK Handelsregister",
        _ => "BAG (Kadaster)",
    };

    /// <summary>On or off and why, in Dutch: the engine's reason names the setting for the administrator.</summary>
    public static string ProviderState(ProviderStatus status) =>
        status.Enabled ? "Aan: de verrijking vraagt dit register."
        : status.Off == ProviderOff.NoApiKey
            ? "Uit: er is geen sleutel voor dit register ingesteld. De beheerder stelt die in; tot dan vraagt de verrijking dit register niet."
            : "Uit: het webadres van dit register is niet goed ingesteld. De beheerder past dat aan.";

    public static string SourceLabel(FindingSource source) => source switch
    {
        FindingSource.Kvk => "KvK",
        FindingSource.Bag => "BAG",
        FindingSource.Kadaster => "Kadaster",
        FindingSource.Internet => "Internet",
        FindingSource.SocialMedia => "Sociale media",
        _ => "Nieuws",
    };

    public static string StatusLabel(FindingStatus status) => status switch
    {
        FindingStatus.Found => "gevonden",
        FindingStatus.NotFound => "niet gevonden",
        _ => "mislukt",
    };

    public static string InterventionStatusLabel(InterventionStatus status) => status switch
    {
        InterventionStatus.Planned => "gepland",
        InterventionStatus.Executed => "uitgevoerd",
        _ => "vervallen",
    };
}

/// <summary>A finding found by hand, as typed on the case page.</summary>
public sealed class BevindingInvoer
{
    /// <summary>kadaster, internet, social-media or news, as the API spells them.</summary>
    public string? Bron { get; set; }
    public string? Onderwerp { get; set; }
    public string? Notitie { get; set; }
    public string? Link { get; set; }
    public string? Datum { get; set; }
}

/// <summary>What a step on the case page carries besides its reason and information.</summary>
public sealed class StapInvoer
{
    /// <summary>For the enrichment verdict: the findings it rests on.</summary>
    public List<string> Bevindingen { get; set; } = [];
    public ControleInvoer? Controle { get; set; }
    public List<InterventieInvoer?> Interventies { get; set; } = [];
    /// <summary>For a step taken earlier (on paper): its date and, optionally, its time.</summary>
    public string? GezetDatum { get; set; }
    public string? GezetTijd { get; set; }

    public const string TakenAt = "takenAt";
    public const string TakenAtTime = "takenAt.time";

    /// <summary>The moment typed for the step, null for now; a refusal is recorded in <paramref name="fields"/>.</summary>
    public Instant? TakenAtIn(Fields fields) => fields.OptionalMoment(GezetDatum, GezetTijd, TakenAt, TakenAtTime);
}
