using Ondermijning.Engine;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages;

/// <summary>
/// Why a step cannot be taken now, in Dutch, so that a step that is not available says so instead of disappearing: the
/// engine's standing requirements (severity, role) and what the case still lacks for what the step records.
/// </summary>
public static class StapUitleg
{
    /// <param name="blocked">The fields the engine names as unmet (severity, role).</param>
    /// <param name="findings">How many findings the case has that a verdict could rest on; null where that is not looked at.</param>
    /// <param name="plannedInterventions">How many interventions of the case are still planned.</param>
    public static IReadOnlyList<string> Why(WorkflowDefinition definition, TransitionDefinition transition, IEnumerable<string> blocked,
        Severity severity, int? findings = null, int plannedInterventions = 0)
    {
        var reasons = new List<string>();
        foreach (var field in blocked.Distinct())
        {
            if (field == "severity" && transition.Guards.MinimumSeverity is { } minimum)
                reasons.Add($"De zwaarte is te laag: deze stap vraagt minimaal ‘{definition.SeverityLabel(minimum)}’, de zaak heeft ‘{definition.SeverityLabel(severity)}’.");
            else if (field == "role")
                reasons.Add($"Uw rol mag deze stap niet zetten: alleen {string.Join(" of ", transition.Guards.Roles.Select(r => RoleName(definition.Vocabulary, r)))}.");
            else if (field == "organisation")
                reasons.Add($"Uw organisatie mag deze stap niet zetten: alleen {string.Join(" of ", transition.Guards.Organisations.Select(definition.Vocabulary.NameOf).Order())}.");
        }
        if (ChainSteps.VerdictOf(transition) == true && findings == 0)
            reasons.Add("Er ontbreekt informatie: er zijn nog geen bevindingen waarop de bevestiging kan rusten. Bevraag de registers of voeg een bevinding toe.");
        if (definition.Stage(transition.To).Kind == StageKind.Final && plannedInterventions > 0)
            reasons.Add($"Er {(plannedInterventions == 1 ? "is nog 1 interventie" : $"zijn nog {plannedInterventions} interventies")} gepland: " +
                        "markeer elke interventie eerst als uitgevoerd of vervallen.");
        return reasons;
    }

    /// <summary>"een analist", "een OOV-regisseur": the vocabulary's name as it reads within a sentence.</summary>
    public static string RoleName(Vocabulary vocabulary, Role role)
    {
        var name = vocabulary.NameOf(role);
        var abbreviation = name.Length > 1 && char.IsUpper(name[1]);
        return "een " + (abbreviation ? name : char.ToLower(name[0], Dutch.Culture) + name[1..]);
    }
}
