using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

/// <summary>What a user supplies when taking a step.</summary>
/// <param name="TakenAt">When the step was taken, if earlier than now (on paper, from a spreadsheet); null: now.</param>
public sealed record TriggerRequest(TriggerId Trigger, string? Reason, IReadOnlyDictionary<string, string> Information, Instant? TakenAt = null);

/// <summary>Why a step cannot be taken right now, per field, in words for the user.</summary>
/// <param name="Malformed">The value is there but not of the declared type: bad input (400) rather than an unmet rule (422).</param>
public sealed record UnmetRequirement(string Field, string Message, bool Malformed = false);

/// <summary>
/// The guards of a step, evaluated so that the API and the pages can list, before anything is taken, what each step
/// still needs. The definition is the state machine: a step is its transition from the case's stage, and taking it
/// moves the case to the transition's target (see <see cref="Cases.FireTrigger"/>).
/// </summary>
public static class CaseStateMachine
{
    /// <summary>Requirements of <paramref name="transition"/> that the case and the acting user meet or not, regardless of what is typed in.</summary>
    public static IReadOnlyList<UnmetRequirement> StandingRequirements(WorkflowDefinition definition, TransitionDefinition transition,
        Severity severity, Actor actor)
    {
        var unmet = new List<UnmetRequirement>();
        var guards = transition.Guards;
        if (guards.MinimumSeverity is { } minimum && definition.Rank(severity) < definition.Rank(minimum))
            unmet.Add(new("severity", $"The severity must be at least '{definition.SeverityLabel(minimum)}'; it is '{definition.SeverityLabel(severity)}'."));
        if (guards.Roles.Count > 0 && !guards.Roles.Any(actor.HasRole))
            unmet.Add(new("role", $"Only a user with the role {string.Join(" or ", guards.Roles)} may do this."));
        var names = definition.Vocabulary;
        if (guards.Organisations.Count > 0 && !guards.Organisations.Contains(actor.Organisation))
            unmet.Add(new("organisation", $"Only a user of {string.Join(" or ", guards.Organisations.Select(names.NameOf).Order())} may do this; " +
                $"you sign in for {names.NameOf(actor.Organisation)}."));
        return unmet;
    }

    /// <summary>
    /// What the request itself lacks: a reason, required information, or information that is not of the type the
    /// definition declares. The one check of step information, whoever takes the step (API, pages, LWO agenda).
    /// </summary>
    /// <param name="information">Filled with the information as it is to be stored (see <see cref="RequiredInformation.Check"/>).</param>
    public static IReadOnlyList<UnmetRequirement> InputRequirements(TransitionDefinition transition, TriggerRequest request, LocalDate today,
        IDictionary<string, string>? information = null)
    {
        var unmet = new List<UnmetRequirement>();
        if (transition.Guards.ReasonRequired && string.IsNullOrWhiteSpace(request.Reason))
            unmet.Add(new("reason", $"A reason is required for '{transition.Label}'."));
        foreach (var required in transition.Guards.RequiredInformation)
        {
            if (!request.Information.TryGetValue(required.Key, out var text) || string.IsNullOrWhiteSpace(text))
                unmet.Add(new($"information.{required.Key}", $"'{required.Label}' is required for '{transition.Label}'."));
            else if (required.Check(text, today) is (var value, var problem))
            {
                if (problem is not null) unmet.Add(new($"information.{required.Key}", problem, Malformed: true));
                else if (information is not null) information[required.Key] = value!;
            }
        }
        // The history keeps only what the step asks for, so nothing unrelated is recorded under it.
        foreach (var key in request.Information.Keys.Where(k => transition.Guards.RequiredInformation.All(r => r.Key != k)))
            unmet.Add(new($"information.{key}", $"'{transition.Label}' does not ask for '{key}'."));
        return unmet;
    }
}
