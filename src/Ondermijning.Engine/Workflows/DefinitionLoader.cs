using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Reads every <c>*.json</c> under the workflows folder (except the schemas; outcome compatibility files apply to the versions they name) and validates each one
/// completely, collecting all problems rather than stopping at the first, so an author fixes a file
/// in one pass.
/// </summary>
public static partial class DefinitionLoader
{
    /// <param name="vocabulary">What the definitions may name; <see cref="LoadVocabulary"/> reads it.</param>
    public static IReadOnlyList<WorkflowDefinition> LoadFolder(string root, Vocabulary vocabulary)
    {
        if (!Directory.Exists(root))
            throw new WorkflowDefinitionException([new DefinitionError(root, "$", null, "the workflows folder does not exist")]);

        var displayBase = Path.GetDirectoryName(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar)) ?? root;
        var errors = new List<DefinitionError>();
        var definitions = new List<WorkflowDefinition>();
        var vocabularyFile = Path.GetFullPath(Path.Combine(root, VocabularyFile));
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase) && Path.GetFullPath(f) != vocabularyFile)
            .Order(StringComparer.Ordinal)
            .Select(f => (Display: Path.GetRelativePath(displayBase, f).Replace('\\', '/'), Content: File.ReadAllBytes(f)))
            .ToList();

        var compatibility = files.Select(f => ReadCompatibility(f.Content, f.Display, errors)).OfType<OutcomeCompatibility>().ToList();
        foreach (var (display, content) in files.Where(f => !IsCompatibilityFile(f.Content)))
        {
            var definition = Parse(content, display, errors, vocabulary, compatibility);
            if (definition is not null) definitions.Add(definition);
        }
        foreach (var (covered, version) in compatibility.SelectMany(c => c.Versions.Select(v => (c, v)))
                     .Where(x => definitions.All(d => d.Key != new DefinitionKey(x.c.Workflow, x.v))))
            errors.Add(new DefinitionError(covered.File, "$.versions", null, $"no file defines {new DefinitionKey(covered.Workflow, version)}"));
        foreach (var covered in compatibility)
        {
            // A step or key may belong to some of the versions covered, but one that belongs to none is a typing error.
            var transitions = definitions.Where(d => covered.Covers(d.Key)).SelectMany(d => d.Transitions).ToList();
            foreach (var step in covered.Steps.Where(s => transitions.All(t => t.From != s.From || t.Trigger != s.Trigger)))
                errors.Add(new DefinitionError(covered.File, $"{step.Path}.trigger", null, $"no version it covers has a step '{step.Trigger}' from stage '{step.From}'"));
            foreach (var key in covered.InputRoles.Keys.Where(k => transitions.All(t => t.Guards.RequiredInformation.All(r => r.Key != k))))
                errors.Add(new DefinitionError(covered.File, "$.inputs", null, $"no step of the versions it covers asks for '{key}'"));
        }

        foreach (var duplicate in definitions.GroupBy(d => d.Key).Where(g => g.Count() > 1))
        {
            var first = duplicate.First();
            foreach (var other in duplicate.Skip(1))
                errors.Add(new DefinitionError(other.SourceFile, "$.version", null,
                    $"{duplicate.Key} is also defined in {first.SourceFile}; every version of a workflow must have its own number"));
        }

        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
        if (definitions.Count == 0)
            throw new WorkflowDefinitionException([new DefinitionError(root, "$", null, "the folder holds no workflow definitions")]);
        return definitions;
    }

    private static bool IsCompatibilityFile(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return OutcomeDeclarations.IsCompatibilityFile(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads an outcome compatibility file; null for a definition (or a file that is not JSON, which parsing it as one reports).</summary>
    private static OutcomeCompatibility? ReadCompatibility(byte[] utf8, string file, List<DefinitionError> errors)
    {
        if (!IsCompatibilityFile(utf8)) return null;
        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var lines = JsonLineMap.Build(utf8);
        return OutcomeCompatibility.Read(document.RootElement, file, (path, problem) => errors.Add(new DefinitionError(file, path, lines.LineOf(path), problem)));
    }

    /// <summary>Parses one file; returns null and adds to <paramref name="errors"/> when it is not valid.</summary>
    /// <param name="compatibility">Outcomes declared for versions published before steps could declare them.</param>
    public static WorkflowDefinition? Parse(byte[] utf8, string file, List<DefinitionError> errors, Vocabulary vocabulary,
        IReadOnlyList<OutcomeCompatibility>? compatibility = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            errors.Add(new DefinitionError(file, e.Path ?? "$", (int?)e.LineNumber + 1,
                $"the file is not valid JSON ({TrimJsonMessage(e.Message)})",
                $"dit is geen JSON die te lezen is: controleer rond regel {e.LineNumber + 1} de aanhalingstekens, komma's en haakjes"));
            return null;
        }

        using (document)
        {
            var reader = new Reader(file, JsonLineMap.Build(utf8), errors, compatibility ?? [], vocabulary);
            try
            {
                return reader.Definition(document.RootElement, () => CanonicalHash(utf8), Encoding.UTF8.GetString(utf8));
            }
            catch (InvalidOperationException e) when (e.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
            {
                // Valid JSON may escape half of a character (\ud800), which no text can hold; System.Text.Json refuses to read it.
                errors.Add(new DefinitionError(file, "$", null, "the definition holds an invalid character: half of a UTF-16 pair escaped (like \\ud800); remove it",
                    "de definitie bevat een ongeldig teken: de helft van een UTF-16-paar (zoals \\ud800); haal het weg"));
                return null;
            }
        }
    }

    private static string TrimJsonMessage(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    /// <summary>Whitespace and line endings do not change the hash; any change of content does.</summary>
    private static string CanonicalHash(byte[] utf8)
    {
        var canonical = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!
            .ToJsonString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private sealed partial class Reader(string file, JsonLineMap lines, List<DefinitionError> errors, IReadOnlyList<OutcomeCompatibility> compatibility,
        Vocabulary vocabulary)
    {
        private int _errorsAtStart;

        /// <param name="dutch">The same problem as the draft page tells it a functional administrator.</param>
        private void Error(string path, string problem, string? dutch = null) =>
            errors.Add(new DefinitionError(file, path, lines.LineOf(path), problem, dutch));

        /// <param name="hash">Asked only of a valid definition: hashing reads the whole document, which only a valid one is fit for.</param>
        public WorkflowDefinition? Definition(JsonElement root, Func<string> hash, string content)
        {
            _errorsAtStart = errors.Count;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "a workflow definition must be a JSON object");
                return null;
            }

            OnlyKnown(root, "$", "$schema", "id", "version", "title", "appliesFrom", "severityLevels", "stages", "transitions", "gates", "caseGates", "retention");
            var id = RequiredString(root, "$", "id");
            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 1
                ? n
                : Fail<int>("$.version", "'version' must be a whole number of 1 or more");
            var title = RequiredString(root, "$", "title");
            var appliesFrom = Date(root, "$", "appliesFrom");
            var severities = Severities(root);
            var stages = Stages(root);
            var transitions = Transitions(root, stages, severities);
            CheckGraph(stages, transitions);
            if (id is not null && compatibility.FirstOrDefault(c => c.Covers(new DefinitionKey(new WorkflowId(id), version))) is { } covered)
                transitions = WithCompatibleOutcomes(transitions, covered);
            var gates = Gates(root, stages, severities);
            var caseGates = CaseGates(root, stages);
            var retention = Retention(root, stages);

            if (errors.Count > _errorsAtStart) return null;
            return new WorkflowDefinition(new DefinitionKey(new WorkflowId(id!), version), title!, appliesFrom!.Value,
                severities, stages, transitions.Select(t => t.Transition).ToList(), hash(), file)
            {
                Gates = gates,
                CaseGates = caseGates,
                Retention = retention,
                Content = content,
                Vocabulary = vocabulary,
            };
        }

        private List<(TransitionDefinition Transition, string Path)> WithCompatibleOutcomes(
            List<(TransitionDefinition Transition, string Path)> transitions, OutcomeCompatibility covered)
        {
            void CompatibilityError(string path, string problem) => errors.Add(new DefinitionError(covered.File, path, null, problem));
            if (transitions.Where(t => t.Transition.Records is not null).Select(t => t.Path).FirstOrDefault() is { } declaring)
            {
                Error($"{declaring}.records", $"this version declares its own outcomes, yet {covered.File} covers it; declare all of them here and drop the version from that file");
                return transitions;
            }
            return transitions.Select(t =>
            {
                var inputs = t.Transition.Guards.RequiredInformation.Select(r =>
                {
                    if (!covered.InputRoles.TryGetValue(r.Key, out var role)) return r;
                    if (OutcomeDeclarations.RoleFits(role, r.Type) is { } misfit) CompatibilityError("$.inputs", $"'{r.Key}' in {file}: {misfit}");
                    return r with { Role = role };
                }).ToList();
                var records = covered.Steps.FirstOrDefault(s => s.From == t.Transition.From && s.Trigger == t.Transition.Trigger)?.Records;
                return (t.Transition with { Guards = t.Transition.Guards with { RequiredInformation = inputs }, Records = records }, t.Path);
            }).ToList();
        }

        private T? Fail<T>(string path, string problem)
        {
            Error(path, problem);
            return default;
        }

        private string? RequiredString(JsonElement obj, string path, string name)
        {
            if (obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                return Checked(value.GetString()!, $"{path}.{name}");
            Error($"{path}.{name}", $"'{name}' is required and must be a non-empty text", $"‘{name}’ is verplicht: vul hier een tekst in.");
            return null;
        }

        /// <summary>Ids and labels end up in cases, pages and the database: the engine's text rule holds for them as for any text.</summary>
        private string? Checked(string text, string path)
        {
            if (TextRule.Check(text, Limits.Label, TextKind.SingleLine) is not { } breach) return text;
            Error(path, breach.Message);
            return null;
        }

        private string? OptionalString(JsonElement obj, string path, string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return Checked(value.GetString()!, $"{path}.{name}");
            Error($"{path}.{name}", $"'{name}' must be a text", $"‘{name}’ moet een tekst zijn (tussen aanhalingstekens).");
            return null;
        }

        private LocalDate? Date(JsonElement obj, string path, string name)
        {
            var text = RequiredString(obj, path, name);
            if (text is null) return null;
            var result = LocalDatePattern.Iso.Parse(text);
            if (result.Success) return result.Value;
            Error($"{path}.{name}", $"'{text}' is not a date in the form YYYY-MM-DD", $"‘{text}’ is geen datum; schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2027-01-01.");
            return null;
        }

        /// <summary>A misspelt property would otherwise be silently ignored (a guard that is never checked): it is an error.</summary>
        private void OnlyKnown(JsonElement obj, string path, params string[] known)
        {
            foreach (var property in obj.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
                Error($"{path}.{property.Name}", $"unknown property '{property.Name}'; the properties here are: {string.Join(", ", known)}",
                    $"‘{property.Name}’ hoort hier niet; hier horen: {string.Join(", ", known)}.");
        }

        private IEnumerable<(JsonElement Element, string Path)> Array(JsonElement obj, string name, bool required, params string[] known)
        {
            if (!obj.TryGetProperty(name, out var array))
            {
                if (required) Error($"$.{name}", $"'{name}' is required and must be a list", $"‘{name}’ is verplicht: een lijst tussen [ en ].");
                yield break;
            }
            if (array.ValueKind != JsonValueKind.Array)
            {
                Error($"$.{name}", $"'{name}' must be a list", $"‘{name}’ moet een lijst zijn, tussen [ en ].");
                yield break;
            }
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"$.{name}[{index++}]";
                if (element.ValueKind == JsonValueKind.Object)
                {
                    OnlyKnown(element, path, known);
                    yield return (element, path);
                }
                else Error(path, "each entry must be a JSON object", "Elk onderdeel van deze lijst staat tussen { en }.");
            }
        }

        private List<SeverityLevel> Severities(JsonElement root)
        {
            var levels = new List<SeverityLevel>();
            foreach (var (element, path) in Array(root, "severityLevels", required: true, "id", "label"))
            {
                var id = RequiredString(element, path, "id");
                var label = RequiredString(element, path, "label");
                if (id is null || label is null) continue;
                if (levels.Any(l => l.Id.Value == id)) Error($"{path}.id", $"severity level '{id}' is listed twice");
                else levels.Add(new SeverityLevel(new Severity(id), label));
            }
            if (levels.Count == 0 && errors.Count == _errorsAtStart)
                Error("$.severityLevels", "at least one severity level is needed, listed from lowest to highest");
            return levels;
        }

        private List<StageDefinition> Stages(JsonElement root)
        {
            var stages = new List<StageDefinition>();
            foreach (var (element, path) in Array(root, "stages", required: true, "id", "label", "kind", "table", "deadline"))
            {
                var id = RequiredString(element, path, "id");
                var label = RequiredString(element, path, "label");
                var kindText = RequiredString(element, path, "kind");
                StageKind? kind = kindText switch
                {
                    "start" => StageKind.Start,
                    "work" => StageKind.Work,
                    "table" => StageKind.Table,
                    "final" => StageKind.Final,
                    null => null,
                    _ => Fail<StageKind?>($"{path}.kind", $"'{kindText}' is not a stage kind; use start, work, table or final"),
                };

                var tableText = OptionalString(element, path, "table");
                var table = tableText is null ? null
                    : vocabulary.FindTable(tableText) ?? Fail<TableDefinition>($"{path}.table",
                        $"'{tableText}' is not a table of the vocabulary; the tables are: {TableIds()}");
                if (kind == StageKind.Table && table is null && tableText is null)
                    Error($"{path}.table", $"a stage of kind 'table' must say which table: {TableIds()}");
                if (kind is not null and not StageKind.Table && tableText is not null)
                    Error($"{path}.table", "only a stage of kind 'table' sits at a table");

                Period? deadline = null;
                var deadlineText = OptionalString(element, path, "deadline");
                if (deadlineText is not null)
                {
                    var parsed = PeriodPattern.NormalizingIso.Parse(deadlineText);
                    if (parsed.Success && !parsed.Value.Equals(Period.Zero) && IsPositive(parsed.Value)) deadline = parsed.Value;
                    else Error($"{path}.deadline", $"'{deadlineText}' is not a positive ISO-8601 duration such as P14D, P6W or P3M");
                }
                if (kind == StageKind.Final && deadlineText is not null)
                    Error($"{path}.deadline", "a final stage cannot have a deadline");

                if (id is null || label is null || kind is null) continue;
                if (stages.Any(s => s.Id.Value == id)) Error($"{path}.id", $"stage '{id}' is listed twice");
                else stages.Add(new StageDefinition(new StageId(id), label, kind.Value, table, deadline));
            }

            var starts = stages.Count(s => s.Kind == StageKind.Start);
            if (starts != 1 && stages.Count > 0)
                Error("$.stages", $"exactly one stage must be of kind 'start'; found {starts}");
            return stages;
        }

        private Period? PositivePeriod(string path, string text)
        {
            var parsed = PeriodPattern.NormalizingIso.Parse(text);
            if (parsed.Success && !parsed.Value.Equals(Period.Zero) && IsPositive(parsed.Value)) return parsed.Value;
            Error(path, $"'{text}' is not a positive ISO-8601 duration such as P6M or P2Y");
            return null;
        }

        private List<InformationGate> Gates(JsonElement root, List<StageDefinition> stages, List<SeverityLevel> severities)
        {
            var gates = new List<InformationGate>();
            var stageIds = stages.Select(s => s.Id.Value).ToHashSet();
            foreach (var (element, path) in Array(root, "gates", required: false, "id", "stage", "minimumSeverity", "category", "addedBy", "readers", "maximumAge"))
            {
                var id = RequiredString(element, path, "id");
                var stage = RequiredString(element, path, "stage");
                var categoryText = RequiredString(element, path, "category");
                if (stage is not null && !stageIds.Contains(stage))
                    Error($"{path}.stage", $"unknown stage '{stage}'; the stages are: {string.Join(", ", stageIds)}");
                if (stage is not null && stages.FirstOrDefault(s => s.Id.Value == stage) is { Kind: StageKind.Final })
                    Error($"{path}.stage", $"stage '{stage}' is final; nothing is added to a closed case");

                InformationCategory? category = null;
                if (categoryText is not null)
                {
                    if (InformationTerms.Categories.TryGetValue(categoryText, out var known)) category = known;
                    else Error($"{path}.category", $"unknown information category '{categoryText}'; the categories are: {string.Join(", ", InformationTerms.Categories.Keys)}");
                }

                var minimum = severities.FirstOrDefault()?.Id;
                var minimumText = OptionalString(element, path, "minimumSeverity");
                if (minimumText is not null)
                {
                    if (severities.Any(s => s.Id.Value == minimumText)) minimum = new Severity(minimumText);
                    else Error($"{path}.minimumSeverity", $"unknown severity '{minimumText}'; the levels are: {string.Join(", ", severities.Select(s => s.Id))}");
                }

                var addedBy = OrganisationList(element, path, "addedBy");
                var readers = OrganisationList(element, path, "readers");
                foreach (var author in addedBy.Where(a => !readers.Contains(a)))
                    Error($"{path}.addedBy", $"organisation '{author}' may add this information but is not among its readers; add it to 'readers'");

                if (id is not null && gates.Any(g => g.Id == id)) Error($"{path}.id", $"gate '{id}' is listed twice");
                // Two gates for one stage, category and severity may not share an author: which one applies would be a guess.
                else if (gates.FirstOrDefault(g => g.Stage.Value == stage && g.Category == category && g.MinimumSeverity == minimum &&
                        g.AddedBy.Overlaps(addedBy)) is { } overlapping)
                    Error($"{path}.addedBy", $"gate '{overlapping.Id}' already covers {string.Join(", ", overlapping.AddedBy.Intersect(addedBy))} " +
                        $"for this stage, category and severity; one author, one gate");
                Period? maximumAge = null;
                if (element.TryGetProperty("maximumAge", out var age))
                {
                    if (age.ValueKind != JsonValueKind.String) Error($"{path}.maximumAge", "'maximumAge' must be a text such as P1Y");
                    else if (PositivePeriod($"{path}.maximumAge", age.GetString()!) is { } period)
                    {
                        // An age is counted in calendar days back from today; hours would make it depend on the moment of adding.
                        if (period.HasTimeComponent) Error($"{path}.maximumAge", $"'{age.GetString()}' has hours or minutes; give years, months, weeks or days such as P1Y");
                        else maximumAge = period;
                    }
                }
                if (id is null || stage is null || category is null || minimum is null) continue;
                gates.Add(new InformationGate(id, new StageId(stage), minimum.Value, category.Value, addedBy, readers) { MaximumAge = maximumAge });
            }
            return gates;
        }

        private List<CaseGate> CaseGates(JsonElement root, List<StageDefinition> stages)
        {
            var caseGates = new List<CaseGate>();
            var stageIds = stages.Select(s => s.Id.Value).ToHashSet();
            foreach (var (element, path) in Array(root, "caseGates", required: false, "id", "stages", "readers", "othersSee"))
            {
                var id = RequiredString(element, path, "id");
                var gated = new HashSet<StageId>();
                if (!element.TryGetProperty("stages", out var stageArray) || stageArray.ValueKind != JsonValueKind.Array || stageArray.GetArrayLength() == 0)
                    Error($"{path}.stages", "'stages' is required and must be a non-empty list of stages");
                else
                {
                    var index = 0;
                    foreach (var entry in stageArray.EnumerateArray())
                    {
                        var entryPath = $"{path}.stages[{index++}]";
                        var stage = entry.ValueKind == JsonValueKind.String ? entry.GetString() : null;
                        if (stage is null || !stageIds.Contains(stage))
                            Error(entryPath, $"unknown stage '{stage ?? entry.ToString()}'; the stages are: {string.Join(", ", stageIds)}");
                        // One stage, one rule: with two, who sees the case would depend on their order.
                        else if (caseGates.FirstOrDefault(g => g.Stages.Contains(new StageId(stage))) is { } earlier)
                            Error(entryPath, $"stage '{stage}' is already gated by case gate '{earlier.Id}'; one stage, one case gate");
                        else gated.Add(new StageId(stage));
                    }
                }
                var readers = OrganisationList(element, path, "readers");
                var others = OthersSee.Existence;
                switch (OptionalString(element, path, "othersSee"))
                {
                    case null or "existence": break;
                    case "nothing": others = OthersSee.Nothing; break;
                    case var text: Error($"{path}.othersSee", $"unknown value '{text}'; use 'existence' (others see that the case exists) or 'nothing'"); break;
                }
                if (id is not null && caseGates.Any(g => g.Id == id)) Error($"{path}.id", $"case gate '{id}' is listed twice");
                else if (id is not null) caseGates.Add(new CaseGate(id, gated, readers, others));
            }
            return caseGates;
        }

        private string TableIds() => string.Join(", ", vocabulary.Tables.Select(t => t.Id));

        private HashSet<OrganisationId> OrganisationList(JsonElement obj, string path, string name) =>
            OrganisationList(obj, path, name, vocabulary.Organisations);

        private HashSet<OrganisationId> OrganisationList(JsonElement obj, string path, string name, IReadOnlyCollection<Organisation> known)
        {
            var organisations = new HashSet<OrganisationId>();
            if (!obj.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            {
                Error($"{path}.{name}", $"'{name}' is required and must be a non-empty list of organisations");
                return organisations;
            }
            var index = 0;
            foreach (var entry in array.EnumerateArray())
            {
                var entryPath = $"{path}.{name}[{index++}]";
                var text = entry.ValueKind == JsonValueKind.String ? entry.GetString() : null;
                if (text is not null && known.Any(o => o.Id.Value == text)) organisations.Add(new OrganisationId(text));
                else Error(entryPath, $"unknown organisation '{text ?? entry.ToString()}'; the organisations are: {string.Join(", ", known.Select(o => o.Id))}");
            }
            return organisations;
        }

        private RetentionPolicy? Retention(JsonElement root, List<StageDefinition> stages)
        {
            if (!root.TryGetProperty("retention", out var retention) || retention.ValueKind == JsonValueKind.Null) return null;
            const string path = "$.retention";
            if (retention.ValueKind != JsonValueKind.Object)
                return Fail<RetentionPolicy>(path, "'retention' must be a JSON object with 'afterFinal' and optional 'stages'");
            OnlyKnown(retention, path, "afterFinal", "stages");

            var afterFinalText = RequiredString(retention, path, "afterFinal");
            var afterFinal = afterFinalText is null ? null : PositivePeriod($"{path}.afterFinal", afterFinalText);

            var perStage = new Dictionary<StageId, Period>();
            if (retention.TryGetProperty("stages", out var byStage))
            {
                if (byStage.ValueKind != JsonValueKind.Object) Error($"{path}.stages", "'stages' must map final stages to durations");
                else
                    foreach (var entry in byStage.EnumerateObject())
                    {
                        var entryPath = $"{path}.stages.{entry.Name}";
                        var stage = stages.FirstOrDefault(s => s.Id.Value == entry.Name);
                        if (stage is null)
                            Error(entryPath, $"unknown stage '{entry.Name}'; the stages are: {string.Join(", ", stages.Select(s => s.Id))}");
                        else if (stage.Kind != StageKind.Final)
                            Error(entryPath, $"stage '{entry.Name}' is not final; retention starts when a case is closed");
                        if (entry.Value.ValueKind != JsonValueKind.String) { Error(entryPath, "the retention period must be a text such as P6M"); continue; }
                        var period = PositivePeriod(entryPath, entry.Value.GetString()!);
                        if (stage is not null && period is not null) perStage[stage.Id] = period;
                    }
            }
            return afterFinal is null ? null : new RetentionPolicy(afterFinal, perStage);
        }

        private static bool IsPositive(Period p) =>
            p.Years >= 0 && p.Months >= 0 && p.Weeks >= 0 && p.Days >= 0 && p.Hours >= 0 && p.Minutes >= 0 && p.Seconds >= 0;

        private List<(TransitionDefinition Transition, string Path)> Transitions(JsonElement root,
            List<StageDefinition> stages, List<SeverityLevel> severities)
        {
            var transitions = new List<(TransitionDefinition, string)>();
            var stageIds = stages.Select(s => s.Id.Value).ToHashSet();
            var stageKinds = stages.ToDictionary(s => s.Id.Value, s => s.Kind);
            var seen = new Dictionary<(string From, string Trigger), string>();

            foreach (var (element, path) in Array(root, "transitions", required: true, "from", "to", "trigger", "label", "guards", "records"))
            {
                var from = RequiredString(element, path, "from");
                var to = RequiredString(element, path, "to");
                var trigger = RequiredString(element, path, "trigger");
                var label = RequiredString(element, path, "label");

                if (from is not null && !stageIds.Contains(from))
                    Error($"{path}.from", $"unknown stage '{from}'; the stages are: {string.Join(", ", stageIds)}");
                if (to is not null && !stageIds.Contains(to))
                    Error($"{path}.to", $"unknown stage '{to}'; the stages are: {string.Join(", ", stageIds)}");
                if (from is not null && stageKinds.GetValueOrDefault(from) == StageKind.Final)
                    Error($"{path}.from", $"stage '{from}' is final; a final stage cannot be left");
                if (to is not null && stageKinds.TryGetValue(to, out var toKind) && toKind == StageKind.Start)
                    Error($"{path}.to", $"stage '{to}' is the start stage; no transition may lead back to it");

                if (from is not null && trigger is not null)
                {
                    if (seen.TryGetValue((from, trigger), out var earlier))
                        Error($"{path}.trigger", $"trigger '{trigger}' is already used from stage '{from}' at {earlier}; a trigger must lead from one stage to one place");
                    else seen[(from, trigger)] = path;
                }

                var guards = Guards(element, path, severities);
                var records = Records(element, path);
                if (from is null || to is null || trigger is null || label is null || guards is null) continue;
                transitions.Add((new TransitionDefinition(new StageId(from), new StageId(to), new TriggerId(trigger), label, guards) { Records = records }, path));
            }
            return transitions;
        }

        /// <summary>The outcome a step records (<see cref="StepOutcome"/>); see <see cref="OutcomeDeclarations"/> for its JSON.</summary>
        private StepOutcome? Records(JsonElement transition, string transitionPath) =>
            transition.TryGetProperty("records", out var records) && records.ValueKind != JsonValueKind.Null
                ? OutcomeDeclarations.Read(records, $"{transitionPath}.records", (path, problem) => Error(path, problem))
                : null;

        private TransitionGuards? Guards(JsonElement transition, string transitionPath, List<SeverityLevel> severities)
        {
            if (!transition.TryGetProperty("guards", out var guards) || guards.ValueKind == JsonValueKind.Null)
                return TransitionGuards.None;
            var path = $"{transitionPath}.guards";
            if (guards.ValueKind != JsonValueKind.Object)
                return Fail<TransitionGuards>(path, "'guards' must be a JSON object");
            OnlyKnown(guards, path, "minimumSeverity", "reasonRequired", "requiredInformation", "roles", "organisations");

            var ok = true;
            Severity? minimum = null;
            var minimumText = OptionalString(guards, path, "minimumSeverity");
            if (minimumText is not null)
            {
                if (severities.Any(s => s.Id.Value == minimumText)) minimum = new Severity(minimumText);
                else
                {
                    Error($"{path}.minimumSeverity", $"unknown severity '{minimumText}'; the levels are: {string.Join(", ", severities.Select(s => s.Id))}");
                    ok = false;
                }
            }

            var reasonRequired = false;
            if (guards.TryGetProperty("reasonRequired", out var reason))
            {
                if (reason.ValueKind is JsonValueKind.True or JsonValueKind.False) reasonRequired = reason.GetBoolean();
                else { Error($"{path}.reasonRequired", "'reasonRequired' must be true or false"); ok = false; }
            }

            var required = new List<RequiredInformation>();
            if (guards.TryGetProperty("requiredInformation", out var info))
            {
                if (info.ValueKind != JsonValueKind.Array) { Error($"{path}.requiredInformation", "'requiredInformation' must be a list"); ok = false; }
                else
                {
                    var index = 0;
                    foreach (var item in info.EnumerateArray())
                    {
                        var itemPath = $"{path}.requiredInformation[{index++}]";
                        if (item.ValueKind != JsonValueKind.Object) { Error(itemPath, "each entry must be an object with 'key', 'label' and 'type'"); ok = false; continue; }
                        var errorsBefore = errors.Count;
                        var information = Information(item, itemPath);
                        if (information is null || errors.Count > errorsBefore) { ok = false; continue; }
                        if (required.Any(r => r.Key == information.Key)) { Error($"{itemPath}.key", $"'{information.Key}' is listed twice"); ok = false; }
                        else if (information.Role is { } role && required.Any(r => r.Role == role))
                        {
                            Error($"{itemPath}.role", $"another input of this step already has the role '{StepOutcome.NameOf(role)}'");
                            ok = false;
                        }
                        else required.Add(information);
                    }
                }
            }

            var roles = new HashSet<Role>();
            if (guards.TryGetProperty("roles", out var roleArray))
            {
                if (roleArray.ValueKind != JsonValueKind.Array) { Error($"{path}.roles", "'roles' must be a list"); ok = false; }
                else
                {
                    var index = 0;
                    foreach (var role in roleArray.EnumerateArray())
                    {
                        var rolePath = $"{path}.roles[{index++}]";
                        var name = role.ValueKind == JsonValueKind.String ? role.GetString() : null;
                        if (name is not null && vocabulary.FindRole(new Role(name)) is not null) roles.Add(new Role(name));
                        else
                        {
                            Error(rolePath, $"unknown role '{name ?? role.ToString()}'; the roles are: {string.Join(", ", vocabulary.Roles.Select(r => r.Id))}");
                            ok = false;
                        }
                    }
                }
            }

            var organisations = new HashSet<OrganisationId>();
            if (guards.TryGetProperty("organisations", out _))
            {
                var errorsBefore = errors.Count;
                organisations = OrganisationList(guards, path, "organisations");
                ok &= errors.Count == errorsBefore;
            }

            return ok ? new TransitionGuards(minimum, reasonRequired, required, roles) { Organisations = organisations } : null;
        }

        /// <summary>One piece of information a step asks for, with its declared type and that type's settings.</summary>
        private RequiredInformation? Information(JsonElement item, string path)
        {
            OnlyKnown(item, path, "key", "label", "type", "maxLength", "allowFuture", "values", "minimum", "help", "role");
            var key = RequiredString(item, path, "key");
            var label = RequiredString(item, path, "label");
            var typeText = RequiredString(item, path, "type");
            InformationType? type = typeText switch
            {
                "text" => InformationType.Text,
                "date" => InformationType.Date,
                "organisation" => InformationType.Organisation,
                "choice" => InformationType.Choice,
                "yesNo" => InformationType.YesNo,
                "checklist" => InformationType.Checklist,
                null => null,
                _ => Fail<InformationType?>($"{path}.type", $"unknown type '{typeText}'; the types are: text, date, organisation, choice, yesNo, checklist"),
            };
            var help = OptionalString(item, path, "help");

            var maxLength = RequiredInformation.DefaultMaxLength;
            if (item.TryGetProperty("maxLength", out var max))
            {
                if (type != InformationType.Text) Error($"{path}.maxLength", "'maxLength' is for type 'text' only");
                else if (max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var n) && n is >= 1 and <= RequiredInformation.LongestMaxLength) maxLength = n;
                else Error($"{path}.maxLength", $"'maxLength' must be a whole number from 1 to {RequiredInformation.LongestMaxLength}");
            }

            var allowFuture = false;
            if (item.TryGetProperty("allowFuture", out var future))
            {
                if (type != InformationType.Date) Error($"{path}.allowFuture", "'allowFuture' is for type 'date' only");
                else if (future.ValueKind is JsonValueKind.True or JsonValueKind.False) allowFuture = future.GetBoolean();
                else Error($"{path}.allowFuture", "'allowFuture' must be true or false");
            }

            List<string>? values = null;
            if (item.TryGetProperty("values", out var valueArray))
            {
                if (type is not (InformationType.Choice or InformationType.Checklist)) Error($"{path}.values", "'values' is for types 'choice' and 'checklist' only");
                else if (valueArray.ValueKind != JsonValueKind.Array) Error($"{path}.values", "'values' must be a list of texts");
                else
                {
                    values = [];
                    var index = 0;
                    foreach (var value in valueArray.EnumerateArray())
                    {
                        var valuePath = $"{path}.values[{index++}]";
                        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                        if (string.IsNullOrWhiteSpace(text)) Error(valuePath, "each value must be a non-empty text");
                        else if (values.Contains(text)) Error(valuePath, $"'{text}' is listed twice");
                        else values.Add(text);
                    }
                }
            }
            if (type is InformationType.Choice or InformationType.Checklist && values is not { Count: > 0 })
                Error($"{path}.values", $"a {typeText} needs 'values': the list of values to choose from");
            else if (values?.FirstOrDefault(v => v.Contains(RequiredInformation.ChecklistSeparator)) is { } multiLine)
                Error($"{path}.values", $"'{multiLine}' spans lines; a value is one line");

            var minimum = 0;
            if (item.TryGetProperty("minimum", out var least))
            {
                if (type != InformationType.Checklist) Error($"{path}.minimum", "'minimum' is for type 'checklist' only");
                else if (least.ValueKind == JsonValueKind.Number && least.TryGetInt32(out var n) && n >= 0 && n <= (values?.Count ?? 0)) minimum = n;
                else Error($"{path}.minimum", $"'minimum' must be a whole number from 0 to the number of values ({values?.Count ?? 0})");
            }

            InputRole? role = null;
            var roleText = OptionalString(item, path, "role");
            if (roleText is not null)
            {
                if (!StepOutcome.RoleNames.TryGetValue(roleText, out var known))
                    Error($"{path}.role", $"unknown role '{roleText}'; the roles of an input are: {string.Join(", ", StepOutcome.RoleNames.Keys)}");
                else if (OutcomeDeclarations.RoleFits(known, type) is { } misfit) Error($"{path}.role", misfit);
                else role = known;
            }

            return key is null || label is null || type is null
                ? null
                : new RequiredInformation(key, label, type.Value, maxLength, allowFuture, values) { Help = help, Role = role, Minimum = minimum, Organisations = vocabulary.Organisations };
        }

        private void CheckGraph(List<StageDefinition> stages, List<(TransitionDefinition Transition, string Path)> transitions)
        {
            if (errors.Count > _errorsAtStart || stages.Count == 0) return;

            var start = stages.Single(s => s.Kind == StageKind.Start).Id;
            var reached = new HashSet<StageId> { start };
            var queue = new Queue<StageId>([start]);
            while (queue.TryDequeue(out var stage))
                foreach (var (t, _) in transitions.Where(x => x.Transition.From == stage))
                    if (reached.Add(t.To)) queue.Enqueue(t.To);

            for (var i = 0; i < stages.Count; i++)
            {
                var stage = stages[i];
                if (!reached.Contains(stage.Id))
                    Error($"$.stages[{i}]", $"stage '{stage.Id}' cannot be reached from the start stage '{start}'");
                if (stage.Kind != StageKind.Final && transitions.All(t => t.Transition.From != stage.Id))
                    Error($"$.stages[{i}]", $"stage '{stage.Id}' is not final but has no transition out of it; cases would get stuck there");
            }
        }
    }
}
