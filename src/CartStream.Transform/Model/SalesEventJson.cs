using System.Globalization;
using System.Text;
using System.Text.Json;
using CartStream.Events;

namespace CartStream.Transform.Model;

/// <summary>
/// Renders a decoded event as JSON with the Avro schema's field names, exactly as decoded (before any cleaning),
/// so a rejected row shows what arrived. Decimals keep their scale; times are ISO 8601 UTC with milliseconds.
/// </summary>
public static class SalesEventJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The event as one line of JSON.</summary>
    public static string Render(SalesEvent e)
    {
        using var buffer = new MemoryStream(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("event_id", e.EventId.ToString());
            if (e.EventTime is { } t)
            {
                w.WriteString("event_time", t.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteNull("event_time");
            }

            w.WriteString("order_id", e.OrderId);
            w.WriteNumber("line_number", e.LineNumber);
            w.WriteStartObject("customer");
            w.WriteString("customer_id", e.Customer.CustomerId);
            w.WriteString("name", e.Customer.Name);
            w.WriteString("email", e.Customer.Email);
            w.WriteString("segment", e.Customer.Segment);
            WriteDate(w, "signup_date", e.Customer.SignupDate);
            w.WriteEndObject();
            w.WriteStartObject("product");
            w.WriteString("product_id", e.Product.ProductId);
            w.WriteString("name", e.Product.Name);
            w.WriteString("category", e.Product.Category);
            w.WriteString("subcategory", e.Product.Subcategory);
            w.WriteString("brand", e.Product.Brand);
            WriteDecimal(w, "unit_price", e.Product.UnitPrice);
            WriteDecimal(w, "unit_cost", e.Product.UnitCost);
            w.WriteEndObject();
            if (e.Quantity is { } q)
            {
                w.WriteNumber("quantity", q);
            }
            else
            {
                w.WriteNull("quantity");
            }

            WriteDecimal(w, "discount", e.Discount);
            w.WriteString("promotion_code", e.PromotionCode);
            w.WriteString("currency", e.Currency);
            w.WriteString("payment_method", e.PaymentMethod);
            w.WriteString("order_status", e.OrderStatus);
            w.WriteString("sales_channel", e.SalesChannel);
            w.WriteString("device", e.Device);
            w.WriteStartObject("shipping_address");
            w.WriteString("street", e.ShippingAddress.Street);
            w.WriteString("postal_code", e.ShippingAddress.PostalCode);
            w.WriteString("city", e.ShippingAddress.City);
            w.WriteString("country", e.ShippingAddress.Country);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteDecimal(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            // Written as a JSON number with its scale (12.50 stays 12.50): the decimal's exact text.
            w.WritePropertyName(name);
            w.WriteRawValue(v.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
