using System.Text.Json.Nodes;
using AutoMapper;
using AutoMapper.Internal;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Ondermijning.Api.Mapping;

namespace Ondermijning.Api.Contract;

/// <summary>
/// The choices in answers: a text property that the mapping profile fills from an enum (every enum travels kebab-case,
/// see <see cref="Mapping.ValueMappingProfile"/>) takes exactly that enum's values, so the document lists them, read from the
/// mapping itself rather than from a second list that could drift.
/// </summary>
public sealed class MappedChoiceTransformer(IMapper mapper) : IOpenApiSchemaTransformer
{
    private readonly Lazy<Dictionary<(Type Dto, string Property), Type>> _enums = new(() =>
        mapper.ConfigurationProvider.Internal().GetAllTypeMaps()
            .SelectMany(map => map.PropertyMaps.Select(p => (map.DestinationType, p.DestinationName, Source: EnumOf(p.SourceType), Target: p.DestinationType)))
            .Where(p => p.Source is not null && (p.Target == typeof(string) || EnumOf(p.Target) is null && ElementOf(p.Target) == typeof(string)))
            .GroupBy(p => (p.DestinationType, p.DestinationName))
            .Where(g => g.Select(p => p.Source).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Source!));

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { } property || schema.Enum is { Count: > 0 }) return Task.CompletedTask;
        var dto = property.DeclaringType;
        var member = (property.AttributeProvider as System.Reflection.MemberInfo)?.Name;
        if (member is null || !_enums.Value.TryGetValue((dto, member), out var source)) return Task.CompletedTask;

        var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
        target.Enum = Enum.GetNames(source).Select(n => (JsonNode)JsonValue.Create(ApiSpelling.Kebab(n))).ToList();
        return Task.CompletedTask;
    }

    private static Type? EnumOf(Type? type)
    {
        if (type is null) return null;
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain.IsEnum) return plain;
        return ElementOf(plain) is { } element && (Nullable.GetUnderlyingType(element) ?? element).IsEnum ? Nullable.GetUnderlyingType(element) ?? element : null;
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
            : type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
