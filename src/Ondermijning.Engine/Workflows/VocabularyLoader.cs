using System.Text.Json;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

public static partial class DefinitionLoader
{
    public const string VocabularyFile = "vocabulary.json";

    /// <summary>Reads the vocabulary file, or refuses with every problem in it, each with its path and line.</summary>
    public static Vocabulary LoadVocabulary(string path)
    {
        // Named as the definitions are, from the workflows folder on ("workflows/vocabulary.json").
        var display = $"{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)))}/{Path.GetFileName(path)}";
        if (!File.Exists(path))
            throw new WorkflowDefinitionException([new DefinitionError(display, "$", null,
                $"the vocabulary file {path} does not exist; it declares the organisations, roles and tables the definitions name")]);
        var errors = new List<DefinitionError>();
        var vocabulary = ParseVocabulary(File.ReadAllBytes(path), display, errors);
        if (vocabulary is null || errors.Count > 0) throw new WorkflowDefinitionException(errors);
        return vocabulary;
    }

    public static Vocabulary? ParseVocabulary(byte[] utf8, string file, List<DefinitionError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            errors.Add(new DefinitionError(file, e.Path ?? "$", (int?)e.LineNumber + 1, $"the file is not valid JSON ({TrimJsonMessage(e.Message)})"));
            return null;
        }
        using (document)
            return new Reader(file, JsonLineMap.Build(utf8), errors, [], Vocabulary.Empty).Vocabulary(document.RootElement);
    }

    private sealed partial class Reader
    {
        private static readonly Dictionary<string, TableKind> TableKinds = new()
        {
            ["lwo"] = TableKind.Lwo, ["atom"] = TableKind.Atom, ["mot"] = TableKind.Mot, ["meeting"] = TableKind.Meeting,
        };

        public Vocabulary? Vocabulary(JsonElement root)
        {
            _errorsAtStart = errors.Count;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "the vocabulary must be a JSON object");
                return null;
            }
            OnlyKnown(root, "$", "$schema", "organisations", "roles", "tables");

            var organisations = new List<Organisation>();
            foreach (var (element, path) in Array(root, "organisations", required: true, "id", "name"))
            {
                var (id, name) = (RequiredString(element, path, "id"), RequiredString(element, path, "name"));
                if (id is null || name is null) continue;
                if (organisations.Any(o => o.Id.Value == id)) Error($"{path}.id", $"organisation '{id}' is declared twice");
                else organisations.Add(new Organisation(new OrganisationId(id), name));
            }
            // Background jobs act for the municipality itself.
            if (organisations.Count > 0 && organisations.All(o => o.Id != Organisations.Gemeente))
                Error("$.organisations", $"the municipality itself ('{Organisations.Gemeente}') must be declared: background jobs act for it");

            var roles = new List<RoleDefinition>();
            var tableRoles = Permissions.Table.Values.SelectMany(r => r.Roles).ToHashSet();
            foreach (var (element, path) in Array(root, "roles", required: true, "id", "name", "permissionsOf"))
            {
                var (id, name) = (RequiredString(element, path, "id"), RequiredString(element, path, "name"));
                var permissionsOf = OptionalString(element, path, "permissionsOf");
                if (id is null || name is null) continue;
                var role = new Role(id);
                var holds = permissionsOf is null ? role : new Role(permissionsOf);
                if (roles.Any(r => r.Id == role)) Error($"{path}.id", $"role '{id}' is declared twice");
                else if (!tableRoles.Contains(holds))
                    Error(permissionsOf is null ? $"{path}.id" : $"{path}.permissionsOf",
                        $"the permission table has no role '{holds}'; say with 'permissionsOf' whose permissions this role holds: " +
                        string.Join(", ", tableRoles.Select(r => r.Value).Order()));
                else roles.Add(new RoleDefinition(role, name, holds));
            }

            var tables = new List<TableDefinition>();
            foreach (var (element, path) in Array(root, "tables", required: true, "id", "name", "kind", "seating"))
            {
                var (id, name, kindText) = (RequiredString(element, path, "id"), RequiredString(element, path, "name"), RequiredString(element, path, "kind"));
                TableKind? kind = kindText is null ? null
                    : TableKinds.TryGetValue(kindText, out var known) ? known
                    : Fail<TableKind?>($"{path}.kind", $"'{kindText}' is not a kind of table; use {string.Join(", ", TableKinds.Keys)}");
                var seating = OrganisationList(element, path, "seating", organisations);
                if (id is null || name is null || kind is null) continue;
                if (tables.Any(t => string.Equals(t.Id.Value, id, StringComparison.OrdinalIgnoreCase))) Error($"{path}.id", $"table '{id}' is declared twice");
                else tables.Add(new TableDefinition(new TableId(id), name, kind.Value, seating));
            }

            return errors.Count > _errorsAtStart ? null : new Vocabulary(organisations, roles, tables);
        }
    }
}
