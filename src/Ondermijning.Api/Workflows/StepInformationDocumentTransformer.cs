using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Workflows;

/// <summary>
/// What each step asks for lives in the workflow definitions, not in C# types, so the OpenAPI document is told here:
/// a schema per step (<c>StepInformation.{workflow}.v{n}.{trigger}</c>) with the information's types and limits, and a table
/// on <c>POST /api/cases/{id}/transitions</c> naming the schema of every step. Read from the loaded catalog, so the
/// contract changes with the definitions.
/// </summary>
public sealed class StepInformationDocumentTransformer(WorkflowCatalog catalog) : IOpenApiDocumentTransformer
{
    public const string TransitionsPath = "/api/cases/{id}/transitions";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var table = new StringBuilder()
            .AppendLine("What each step asks for in `information`, per workflow version (the case's `workflow` and `definitionVersion`); " +
                "every key listed is required, no other key is accepted, and each value is checked against its type when the step is taken.")
            .AppendLine()
            .AppendLine("| workflow | trigger | from → to | reason | information (schema) |")
            .AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var definition in catalog.All.OrderBy(d => d.Key.Workflow.Value).ThenBy(d => d.Key.Version))
            foreach (var transition in definition.Transitions)
            {
                var name = $"StepInformation.{definition.Key.Workflow}.v{definition.Key.Version}.{transition.Trigger}";
                document.Components.Schemas[name] = Schema(definition, transition);
                var information = transition.Guards.RequiredInformation.Count == 0
                    ? "none"
                    : string.Join(", ", transition.Guards.RequiredInformation.Select(Describe)) + $" (`{name}`)";
                table.AppendLine($"| {definition.Key.Workflow} v{definition.Key.Version} | `{transition.Trigger}` | {transition.From} → {transition.To} | " +
                    $"{(transition.Guards.ReasonRequired ? "required" : "optional")} | {information} |");
            }

        if (document.Paths?.TryGetValue(TransitionsPath, out var path) == true
            && path.Operations?.TryGetValue(HttpMethod.Post, out var operation) == true)
            operation.Description = string.IsNullOrEmpty(operation.Description) ? table.ToString() : operation.Description + "\n\n" + table;
        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema(WorkflowDefinition definition, TransitionDefinition transition) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"The information '{transition.Label}' ({transition.Trigger}, {definition.Key.Workflow} v{definition.Key.Version}) asks for." +
            (transition.Records is { } records ? $" The step records: {Describe(records)}." : ""),
        Properties = transition.Guards.RequiredInformation.ToDictionary(r => r.Key, r => (IOpenApiSchema)Property(r)),
        Required = transition.Guards.RequiredInformation.Select(r => r.Key).ToHashSet(),
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema Property(RequiredInformation required) => required.Type switch
    {
        InformationType.Date => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Format = "date",
            Description = required.Label + (required.AllowFuture ? "" : " (not after today, Europe/Amsterdam)"),
        },
        InformationType.Organisation => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = required.Label + " (a known organisation)",
            Enum = required.Organisations.Select(o => (JsonNode)JsonValue.Create(o.Id.Value)).ToList(),
        },
        InformationType.Choice => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = required.Label,
            Enum = required.Choices.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
        },
        InformationType.YesNo => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Description = required.Label + " (yes or no)",
            Enum = [JsonValue.Create(RequiredInformation.Yes), JsonValue.Create(RequiredInformation.No)],
        },
        InformationType.Checklist => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = $"{required.Label} (the ticked values, one per line, at least {required.Minimum} of: {string.Join(", ", required.Choices)})",
        },
        _ => new OpenApiSchema { Type = JsonSchemaType.String, Description = required.Label, MinLength = 1, MaxLength = required.MaxLength },
    };

    private static string Describe(StepOutcome records) => StepOutcome.NameOf(records.Kind) + records switch
    {
        { Route: { } route } => $" (route {StepOutcome.NameOf(route)})",
        { Confirmed: { } confirmed } => confirmed ? " (confirmed)" : " (not confirmed)",
        { Hit: { } hit } => hit ? " (hit)" : " (no hit)",
        _ => "",
    };

    private static string Describe(RequiredInformation required) => required.Type switch
    {
        InformationType.Date => $"`{required.Key}`: date{(required.AllowFuture ? "" : ", not in the future")}",
        InformationType.Organisation => $"`{required.Key}`: organisation",
        InformationType.Choice => $"`{required.Key}`: one of {string.Join(", ", required.Choices)}",
        InformationType.YesNo => $"`{required.Key}`: yes or no",
        InformationType.Checklist => $"`{required.Key}`: at least {required.Minimum} of {string.Join(", ", required.Choices)}, one per line",
        _ => $"`{required.Key}`: text, at most {required.MaxLength} characters",
    };
}
