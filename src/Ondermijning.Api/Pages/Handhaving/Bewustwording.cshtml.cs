using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Handhaving;

/// <summary>Workshops and action days (such as ONDERSCHAT) that raise awareness: the list per year and the form to record one.</summary>
[RequiresPermission(Permission.ReadEnforcement)]
public sealed class BewustwordingModel(RecordEnforcement record, EnforcementRecords records, CaseCodes codes, IClock clock)
    : RegisterPageModel<AwarenessActivity>(codes, clock, records)
{
    public const int MostConversations = 100_000;

    public override string Adres => "/handhaving/bewustwording";
    public override string Titel => "Bewustwording en signalering";

    protected override Func<EnforcementRecords, EnforcementQuery, Actor, CancellationToken, Task<Page<AwarenessActivity>>> List =>
        (r, q, a, c) => r.AwarenessActivitiesAsync(q, a, c);

    protected override string Toelichting(string field) => field switch
    {
        "kind" => "Kies het soort activiteit.",
        "conversations" => $"Vul het aantal gesprekken met inwoners in (0 tot en met {Dutch.Number(MostConversations)}).",
        _ => "Controleer dit veld.",
    };

    public Task<IActionResult> OnPostAsync(string? gemeente, string? datum, string? soort, string? programma, string? gesprekken,
        CancellationToken cancellationToken)
    {
        (Getypt["heldOn"], Getypt["kind"], Getypt["programme"], Getypt["conversations"]) = (datum, soort, programma, gesprekken);
        return SaveAsync(gemeente, null, "De activiteit is vastgelegd.", async (f, municipality, _) =>
        {
            var conversations = 0;
            if (!string.IsNullOrWhiteSpace(gesprekken) &&
                !(int.TryParse(gesprekken.Trim(), out conversations) && conversations is >= 0 and <= MostConversations))
                f.Error("conversations", "Give the number of conversations with residents (0 or more).");
            var details = new AwarenessActivityDetails(municipality, f.Date(datum, "heldOn", "the date of the activity"),
                f.Choice<AwarenessActivityKind>(soort, "kind", "the kind of activity"), f.OptionalText(programma, "programme", Limits.Programme),
                conversations);
            f.ThrowIfAny();
            return (await record.AwarenessActivityAsync(details, Actor, cancellationToken)).HeldOn;
        }, cancellationToken);
    }
}
