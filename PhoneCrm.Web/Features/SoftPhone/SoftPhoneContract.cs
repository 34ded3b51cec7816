using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PhoneCrm.Core.SoftPhone;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// The OpenAPI document says what <see cref="CallEventParser"/> accepts: the generator alone would type the numbers
/// as "integer or string", list no required members, no enums and no signature header. The values come from the same
/// enums and constants the parser checks against, and a test posts the document's example and bodies it forbids.
/// </summary>
internal static class SoftPhoneContract
{
    public static readonly string[] RequiredMembers = ["eventId", "type", "phone", "direction", "startedAt"];

    private const string Example = """
        {"eventId":"ev-2026-11-22-0001","type":"ended","phone":"+7 912 345-67-89","direction":"outbound","operator":"101",
         "startedAt":"2026-11-22T10:15:00+03:00","durationSeconds":95,"result":"sale"}
        """;

    public static void Describe(OpenApiOptions options)
    {
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(CallEventJson))
                DescribeEvent(schema);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.HttpMethod == HttpMethods.Post)
                DescribeSignature(operation);
            return Task.CompletedTask;
        });
    }

    private static void DescribeEvent(OpenApiSchema schema)
    {
        schema.Required = new HashSet<string>(RequiredMembers);
        schema.AdditionalPropertiesAllowed = false;
        schema.Examples = [JsonNode.Parse(Example)!];
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is not OpenApiSchema member)
                continue;
            switch (name)
            {
                case "type":
                    Choices<CallEventType>(member);
                    break;
                case "direction":
                    Choices<CallDirection>(member);
                    break;
                case "startedAt":
                    member.Type = JsonSchemaType.String;
                    member.Format = "date-time";
                    member.Description = "ISO 8601 with its offset (…+03:00 or …Z); a moment without one is refused.";
                    break;
                case "projectId" or "durationSeconds":
                    // A JSON number: "7" in quotes is refused.
                    member.Type = JsonSchemaType.Integer;
                    member.Pattern = null;
                    member.Minimum = name == "projectId" ? "1" : "0";
                    break;
            }
        }
    }

    private static void Choices<T>(OpenApiSchema member) where T : struct, Enum
    {
        member.Type = JsonSchemaType.String;
        member.Enum = Enum.GetNames<T>().Select(n => (JsonNode)JsonValue.Create(n.ToLowerInvariant())).ToList();
        member.Description = "One of the names, in any case; never a number or a list.";
    }

    private static void DescribeSignature(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = WebhookSignature.HeaderName,
            In = ParameterLocation.Header,
            Required = true,
            Description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of t + \".\" + the raw body, keyed with a shared secret>.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^t=[0-9]+,v1=[0-9a-f]{64}(,v1=[0-9a-f]{64})*$" },
        });
    }
}
