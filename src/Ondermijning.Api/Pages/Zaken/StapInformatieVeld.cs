using Microsoft.AspNetCore.Http;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Zaken;

/// <summary>
/// One piece of information a step asks for, as a field of one form: on the case page, or on one row of an agenda. Both
/// render it with <c>_StapInformatie</c>, so a date is a date picker, a choice a list and a checklist boxes wherever the
/// step is taken.
/// </summary>
/// <param name="Name">The form name its value binds under (informatie[datum], besluiten[3].Informatie[datum]).</param>
/// <param name="ChecklistName">The form name a checklist's boxes bind under (keuzelijst[datum], besluiten[3].Keuzelijst[datum]); read back with <see cref="Checklists"/>.</param>
/// <param name="Id">The field's element id, unique on the page.</param>
/// <param name="Label">The field's label; on an agenda it names the case, since every row carries the same fields.</param>
/// <param name="Entered">What the user entered before a refusal, so nothing typed is lost.</param>
/// <param name="Error">The Dutch rule the entry broke.</param>
/// <param name="Required">False on an agenda, where a row without this step leaves the field empty.</param>
/// <param name="Hint">Said with the label, e.g. which of the row's steps ask for the field.</param>
public sealed record StapInformatieVeld(RequiredInformation Info, string Name, string ChecklistName, string Id, string Label, string? Entered,
    string? Error, string Today, bool Required = true, string? Hint = null)
{
    public string? Described => string.Join(' ', new[] { Info.Help is null ? null : $"{Id}-uitleg", Error is null ? null : $"{Id}-fout" }.OfType<string>())
        is { Length: > 0 } ids ? ids : null;

    /// <summary>The values a choice offers, as (stored value, what the page shows): an organisation by its name in the vocabulary.</summary>
    public IEnumerable<(string Value, string Shown)> Options(Vocabulary vocabulary) => Info.Type == InformationType.Organisation
        ? (Info.Values ?? vocabulary.Organisations.Select(o => o.Id.Value).ToList()).Select(v => (v, vocabulary.NameOf(new OrganisationId(v))))
        : Info.Choices.Select(v => (v, v));

    public IReadOnlyList<string> Ticked => (Entered ?? "").Split(RequiredInformation.ChecklistSeparator, StringSplitOptions.TrimEntries);

    /// <summary>
    /// The checklists of a posted form by key, each as the engine reads a checklist (see <see cref="Checklist"/>). A box
    /// sends one value each, under <paramref name="prefix"/>[key].
    /// </summary>
    public static Dictionary<string, string> Checklists(IFormCollection form, string prefix) =>
        Checklists(form.Where(f => f.Key.StartsWith(prefix + "[", StringComparison.Ordinal) && f.Key.EndsWith(']'))
            .Select(f => (f.Key[(prefix.Length + 1)..^1], (IEnumerable<string?>)f.Value)));

    /// <summary>Ticked boxes by checklist, as the engine reads a checklist: one ticked value per line; a list with nothing ticked is left out.</summary>
    public static Dictionary<string, string> Checklists(IEnumerable<(string Key, IEnumerable<string?> Ticked)> lists) =>
        lists.Select(l => (l.Key, Ticked: l.Ticked.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList()))
            .Where(l => l.Ticked.Count > 0)
            .ToDictionary(l => l.Key, l => string.Join(RequiredInformation.ChecklistSeparator, l.Ticked));
}
