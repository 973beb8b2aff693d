using System.Numerics;
using Avro;
using Avro.Generic;
using CartStream.Events;

namespace CartStream.Benchmarks;

/// <summary>Converts sample events to Apache.Avro generic records, outside the timed code.</summary>
public static class ApacheGeneric
{
    public static readonly RecordSchema Schema = (RecordSchema)Avro.Schema.Parse(SalesEventSchema.Json);

    public static GenericRecord ToRecord(SalesEvent value)
    {
        var record = new GenericRecord(Schema);
        record.Add("event_id", value.EventId);
        record.Add("event_time", value.EventTime);
        record.Add("order_id", value.OrderId);
        record.Add("line_number", value.LineNumber);
        record.Add("customer", Sub("customer", [
            ("customer_id", value.Customer.CustomerId), ("name", value.Customer.Name), ("email", value.Customer.Email),
            ("segment", value.Customer.Segment), ("signup_date", value.Customer.SignupDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))]));
        record.Add("product", Sub("product", [
            ("product_id", value.Product.ProductId), ("name", value.Product.Name), ("category", value.Product.Category),
            ("subcategory", value.Product.Subcategory), ("brand", value.Product.Brand),
            ("unit_price", Decimal(value.Product.UnitPrice, 2)), ("unit_cost", Decimal(value.Product.UnitCost, 2))]));
        record.Add("quantity", value.Quantity);
        record.Add("discount", Decimal(value.Discount, 4));
        record.Add("promotion_code", value.PromotionCode);
        record.Add("currency", value.Currency);
        record.Add("payment_method", value.PaymentMethod);
        record.Add("order_status", value.OrderStatus);
        record.Add("sales_channel", value.SalesChannel);
        record.Add("device", value.Device);
        record.Add("shipping_address", Sub("shipping_address", [
            ("street", value.ShippingAddress.Street), ("postal_code", value.ShippingAddress.PostalCode),
            ("city", value.ShippingAddress.City), ("country", value.ShippingAddress.Country)]));
        return record;
    }

    private static GenericRecord Sub(string field, (string Name, object? Value)[] values)
    {
        var record = new GenericRecord((RecordSchema)Schema[field].Schema);
        foreach (var (name, value) in values)
        {
            record.Add(name, value);
        }

        return record;
    }

    private static AvroDecimal? Decimal(decimal? value, int scale)
    {
        if (value is not { } present)
        {
            return null;
        }

        var factor = 1m;
        for (var i = 0; i < scale; i++)
        {
            factor *= 10;
        }

        return new AvroDecimal(new BigInteger(present * factor), scale);
    }
}
