using System.Text.Json;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Reads what a step records: <c>"records": { "outcome": "lwoDecision", "route": "politie" }</c>,
/// <c>{ "outcome": "enrichmentDecision", "confirmed": true }</c>, <c>{ "outcome": "hitCheck", "hit": false }</c>, or
/// <c>atomInspection</c>, <c>motInterventions</c>, <c>weighing</c>, <c>sourceApproval</c>, <c>caseMeeting</c>, <c>noAction</c> alone.
/// </summary>
public static class OutcomeDeclarations
{
    public static StepOutcome? Read(JsonElement records, string path, Action<string, string> error)
    {
        if (records.ValueKind != JsonValueKind.Object)
        {
            error(path, $"'records' must be a JSON object with 'outcome' (one of: {string.Join(", ", StepOutcome.KindNames.Keys)})");
            return null;
        }
        foreach (var property in records.EnumerateObject().Where(p => p.Name is not ("outcome" or "route" or "confirmed" or "hit")))
            error($"{path}.{property.Name}", $"unknown property '{property.Name}'; the properties here are: outcome, route, confirmed, hit");

        var kindText = records.TryGetProperty("outcome", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        if (kindText is null || !StepOutcome.KindNames.TryGetValue(kindText, out var kind))
        {
            error($"{path}.outcome", $"'outcome' must be one of: {string.Join(", ", StepOutcome.KindNames.Keys)}");
            return null;
        }

        Lwo.LwoRoute? route = null;
        if (records.TryGetProperty("route", out var r))
        {
            var routeText = r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (kind != OutcomeKind.LwoDecision) error($"{path}.route", "'route' is for outcome 'lwoDecision' only");
            else if (routeText is not null && StepOutcome.RouteNames.TryGetValue(routeText, out var known)) route = known;
            else error($"{path}.route", $"unknown route '{routeText ?? r.ToString()}'; the routes are: {string.Join(", ", StepOutcome.RouteNames.Keys)}");
        }
        else if (kind == OutcomeKind.LwoDecision)
            error($"{path}.route", $"an LWO decision names its 'route', one of: {string.Join(", ", StepOutcome.RouteNames.Keys)}");

        var confirmed = YesOrNo(records, "confirmed", kind, OutcomeKind.EnrichmentDecision, path,
            "an enrichment decision says whether the signal is 'confirmed' (true or false)", error);
        var hit = YesOrNo(records, "hit", kind, OutcomeKind.HitCheck, path,
            "a hit/no-hit check says whether a partner knew the subject: 'hit' (true or false)", error);

        return new StepOutcome(kind, route, confirmed, hit);
    }

    /// <summary>A true-or-false property that outcome <paramref name="owner"/> requires and every other outcome must leave out.</summary>
    private static bool? YesOrNo(JsonElement records, string name, OutcomeKind kind, OutcomeKind owner, string path, string missing,
        Action<string, string> error)
    {
        if (!records.TryGetProperty(name, out var value))
        {
            if (kind == owner) error($"{path}.{name}", missing);
            return null;
        }
        if (kind != owner) error($"{path}.{name}", $"'{name}' is for outcome '{StepOutcome.NameOf(owner)}' only");
        else if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        else error($"{path}.{name}", $"'{name}' must be true or false");
        return null;
    }

    /// <summary>Why an input of <paramref name="type"/> cannot play <paramref name="role"/>, or null when it can.</summary>
    public static string? RoleFits(InputRole role, InformationType? type) => role switch
    {
        InputRole.MeetingDate or InputRole.InspectionDate when type != InformationType.Date =>
            $"the role '{StepOutcome.NameOf(role)}' is for an input of type 'date'",
        InputRole.ChainPartner when type is not (InformationType.Text or InformationType.Organisation or InformationType.Choice) =>
            $"the role '{StepOutcome.NameOf(role)}' is for an input of type 'text', 'organisation' or 'choice'",
        _ => null,
    };

    /// <summary>Whether a root object is an outcome compatibility file rather than a definition.</summary>
    public static bool IsCompatibilityFile(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(OutcomeCompatibility.MarkerProperty, out _);
}

/// <summary>
/// The outcomes of versions published before steps could declare them. Such a version's file may not change once a case
/// runs on it (its content hash is frozen), so what its steps record is written next to it, in data: a file with
/// <c>"outcomesOf"</c> (the workflow), <c>"versions"</c>, <c>"steps"</c> (from, trigger, records) and <c>"inputs"</c>
/// (key, role). The loader applies it as if the version declared it itself; a version that declares any outcome of its own
/// is not covered.
/// </summary>
public sealed record OutcomeCompatibility(string File, WorkflowId Workflow, IReadOnlySet<int> Versions,
    IReadOnlyList<OutcomeCompatibility.Step> Steps, IReadOnlyDictionary<string, InputRole> InputRoles)
{
    public const string MarkerProperty = "outcomesOf";

    public sealed record Step(StageId From, TriggerId Trigger, StepOutcome Records, string Path);

    public bool Covers(DefinitionKey key) => key.Workflow == Workflow && Versions.Contains(key.Version);

    public static OutcomeCompatibility? Read(JsonElement root, string file, Action<string, string> error)
    {
        foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("$schema" or MarkerProperty or "description" or "versions" or "steps" or "inputs")))
            error($"$.{property.Name}", $"unknown property '{property.Name}'; the properties here are: $schema, {MarkerProperty}, description, versions, steps, inputs");
        var workflow = root.GetProperty(MarkerProperty) is { ValueKind: JsonValueKind.String } w && !string.IsNullOrWhiteSpace(w.GetString()) ? w.GetString() : null;
        if (workflow is null) error($"$.{MarkerProperty}", $"'{MarkerProperty}' names the workflow whose versions this file covers");

        var versions = new HashSet<int>();
        if (root.TryGetProperty("versions", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
        {
            foreach (var v in list.EnumerateArray())
                if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 1) versions.Add(n);
                else error("$.versions", "each version is a whole number of 1 or more");
        }
        else error("$.versions", "'versions' is a non-empty list of the version numbers this file covers");

        var steps = new List<Step>();
        var index = 0;
        foreach (var step in Items(root, "steps", error))
        {
            var path = $"$.steps[{index++}]";
            foreach (var property in step.EnumerateObject().Where(p => p.Name is not ("from" or "trigger" or "records")))
                error($"{path}.{property.Name}", $"unknown property '{property.Name}'; the properties here are: from, trigger, records");
            var from = Text(step, "from");
            var trigger = Text(step, "trigger");
            if (from is null) error($"{path}.from", "'from' names the stage the step leaves");
            if (trigger is null) error($"{path}.trigger", "'trigger' names the step");
            var records = step.TryGetProperty("records", out var r) ? OutcomeDeclarations.Read(r, $"{path}.records", error) : null;
            if (!step.TryGetProperty("records", out _)) error($"{path}.records", "'records' says what the step records");
            if (from is not null && trigger is not null && records is not null)
                steps.Add(new Step(new StageId(from), new TriggerId(trigger), records, path));
        }

        var roles = new Dictionary<string, InputRole>(StringComparer.Ordinal);
        index = 0;
        foreach (var input in Items(root, "inputs", error))
        {
            var path = $"$.inputs[{index++}]";
            foreach (var property in input.EnumerateObject().Where(p => p.Name is not ("key" or "role")))
                error($"{path}.{property.Name}", $"unknown property '{property.Name}'; the properties here are: key, role");
            var key = Text(input, "key");
            var roleText = Text(input, "role");
            if (key is null) error($"{path}.key", "'key' names the information the steps ask for");
            if (roleText is null || !StepOutcome.RoleNames.TryGetValue(roleText, out var role))
                error($"{path}.role", $"'role' is one of: {string.Join(", ", StepOutcome.RoleNames.Keys)}");
            else if (key is not null && !roles.TryAdd(key, role)) error($"{path}.key", $"'{key}' is listed twice");
        }

        return workflow is null ? null : new OutcomeCompatibility(file, new WorkflowId(workflow), versions, steps, roles);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static IEnumerable<JsonElement> Items(JsonElement root, string name, Action<string, string> error)
    {
        if (!root.TryGetProperty(name, out var list)) yield break;
        if (list.ValueKind != JsonValueKind.Array) { error($"$.{name}", $"'{name}' must be a list"); yield break; }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object) yield return item;
            else error($"$.{name}[{index}]", "each entry must be a JSON object");
            index++;
        }
    }
}
