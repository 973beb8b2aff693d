using System.Globalization;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Parsing;

namespace CartStream.Monitoring.Logging;

/// <summary>
/// Writes each event as one line of JSON in Elastic Common Schema fields (<c>@timestamp</c>, <c>log.level</c>,
/// <c>message</c>, <c>ecs.version</c>, <c>service.name</c>, <c>event.*</c>, <c>error.*</c>), with the structured
/// properties under <c>labels</c>, so Filebeat can ship the files to Elasticsearch without parsing rules.
/// </summary>
/// <remarks>
/// Keys are written dotted at the top level (as the ECS logging libraries do); Elasticsearch and Filebeat's
/// <c>expand_keys</c> read them as the nested fields. Properties whose names look like secrets are replaced by
/// <c>[redacted]</c>, both under <c>labels</c> and in the rendered message: a safety net behind the rule that no
/// log message template carries a secret.
/// </remarks>
public sealed class EcsTextFormatter : ITextFormatter
{
    /// <summary>The ECS version these fields follow.</summary>
    public const string EcsVersion = "8.11.0";

    /// <summary>What a redacted property's value is replaced by.</summary>
    public const string Redacted = "[redacted]";

    // Serilog.Extensions.Logging's own properties, written as ECS fields rather than labels.
    private const string SourceContext = "SourceContext";
    private const string EventIdProperty = "EventId";

    private static readonly string[] SecretNameParts = ["password", "passwd", "secret", "token", "credential", "connectionstring", "privatekey"];

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    private readonly string _serviceName;
    private readonly string _dataset;
    private readonly string _hostName = Environment.MachineName;
    private readonly int _processId = Environment.ProcessId;

    /// <summary>A formatter stamping every event with <paramref name="serviceName"/> (for example <c>cartstream-sink</c>).</summary>
    public EcsTextFormatter(string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        _serviceName = serviceName;
        _dataset = serviceName.Replace('-', '.');
    }

    /// <summary>
    /// True when a property named <paramref name="name"/> must never reach a log in clear. "ApiKey" is not on the
    /// list: in Kafka it names a protocol request type, which the broker logs.
    /// </summary>
    public static bool IsSecretName(string name)
    {
        foreach (var part in SecretNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        var properties = Redact(logEvent.Properties);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@timestamp", logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("log.level", LevelName(logEvent.Level));
            json.WriteString("message", RenderMessage(logEvent.MessageTemplate, properties));
            json.WriteString("ecs.version", EcsVersion);
            json.WriteString("service.name", _serviceName);
            json.WriteString("event.dataset", _dataset);
            json.WriteString("event.kind", "event");
            WriteEventId(json, properties);
            if (properties.TryGetValue(SourceContext, out var source) && source is ScalarValue { Value: string logger })
            {
                json.WriteString("log.logger", logger);
            }

            json.WriteNumber("process.pid", _processId);
            json.WriteString("host.hostname", _hostName);
            if (logEvent.TraceId is { } traceId)
            {
                json.WriteString("trace.id", traceId.ToHexString());
            }

            if (logEvent.SpanId is { } spanId)
            {
                json.WriteString("span.id", spanId.ToHexString());
            }

            if (logEvent.Exception is { } exception)
            {
                WriteError(json, exception);
            }

            WriteLabels(json, properties);
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static Dictionary<string, LogEventPropertyValue> Redact(IReadOnlyDictionary<string, LogEventPropertyValue> properties)
    {
        var result = new Dictionary<string, LogEventPropertyValue>(properties.Count, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            result[name] = IsSecretName(name) ? new ScalarValue(Redacted) : value;
        }

        return result;
    }

    // Strings render bare (as Serilog's ":l" does), so the message reads like the template with values in it.
    private static string RenderMessage(MessageTemplate template, Dictionary<string, LogEventPropertyValue> properties)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var token in template.Tokens)
        {
            if (token is PropertyToken property && properties.TryGetValue(property.PropertyName, out var value))
            {
                if (value is ScalarValue { Value: string bare })
                {
                    text.Write(bare);
                }
                else
                {
                    value.Render(text, property.Format, CultureInfo.InvariantCulture);
                }
            }
            else
            {
                token.Render(properties, text, CultureInfo.InvariantCulture);
            }
        }

        return text.ToString();
    }

    private static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "trace",
        LogEventLevel.Debug => "debug",
        LogEventLevel.Information => "info",
        LogEventLevel.Warning => "warn",
        LogEventLevel.Error => "error",
        _ => "critical",
    };

    private static void WriteEventId(Utf8JsonWriter json, Dictionary<string, LogEventPropertyValue> properties)
    {
        if (!properties.TryGetValue(EventIdProperty, out var value) || value is not StructureValue eventId)
        {
            return;
        }

        foreach (var property in eventId.Properties)
        {
            if (property is { Name: "Id", Value: ScalarValue { Value: int id } } && id != 0)
            {
                json.WriteString("event.code", id.ToString(CultureInfo.InvariantCulture));
            }
            else if (property is { Name: "Name", Value: ScalarValue { Value: string name } })
            {
                json.WriteString("event.action", name);
            }
        }
    }

    private static void WriteError(Utf8JsonWriter json, Exception exception)
    {
        json.WriteString("error.type", exception.GetType().FullName);
        json.WriteString("error.message", exception.Message);
        json.WriteString("error.stack_trace", exception.ToString());
    }

    private static void WriteLabels(Utf8JsonWriter json, Dictionary<string, LogEventPropertyValue> properties)
    {
        var started = false;
        foreach (var (name, value) in properties)
        {
            if (name is SourceContext or EventIdProperty)
            {
                continue;
            }

            if (!started)
            {
                json.WriteStartObject("labels");
                started = true;
            }

            WriteLabel(json, name, value);
        }

        if (started)
        {
            json.WriteEndObject();
        }
    }

    // Numbers and booleans keep their JSON type so Kibana can aggregate them; anything else becomes its text.
    private static void WriteLabel(Utf8JsonWriter json, string name, LogEventPropertyValue value)
    {
        switch ((value as ScalarValue)?.Value)
        {
            case null when value is ScalarValue:
                json.WriteNull(name);
                break;
            case string text:
                json.WriteString(name, text);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                json.WriteNumber(name, Convert.ToInt64(((ScalarValue)value).Value, CultureInfo.InvariantCulture));
                break;
            case ulong big:
                json.WriteNumber(name, big);
                break;
            case double real when double.IsFinite(real):
                json.WriteNumber(name, real);
                break;
            case float single when float.IsFinite(single):
                json.WriteNumber(name, single);
                break;
            case decimal money:
                json.WriteNumber(name, money);
                break;
            case DateTimeOffset at:
                json.WriteString(name, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTime at:
                json.WriteString(name, at.ToString("O", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                json.WriteString(name, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case { } other:
                json.WriteString(name, other.ToString());
                break;
            default:
                json.WriteString(name, value.ToString(null, CultureInfo.InvariantCulture));
                break;
        }
    }
}
