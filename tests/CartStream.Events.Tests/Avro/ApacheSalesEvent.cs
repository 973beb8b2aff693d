using System.Numerics;
using Avro;
using Avro.Generic;
using ApacheDecimal = Avro.AvroDecimal;

namespace CartStream.Events.Tests.Avro;

/// <summary>
/// The independent side of the interop tests: <see cref="SalesEvent"/> to and from Apache.Avro 1.12.2
/// <see cref="GenericRecord"/>s. The benchmarks compile this file too (Apache.Avro is their baseline), so it
/// needs nothing of the test framework.
/// </summary>
internal static partial class ApacheSalesEvent
{
    public static readonly RecordSchema Schema = (RecordSchema)global::Avro.Schema.Parse(SalesEventSchema.Json);

    public static GenericRecord ToRecord(SalesEvent value)
    {
        var record = new GenericRecord(Schema);
        record.Add("event_id", value.EventId);
        record.Add("event_time", value.EventTime);
        record.Add("order_id", value.OrderId);
        record.Add("line_number", value.LineNumber);

        var customer = new GenericRecord((RecordSchema)Schema["customer"].Schema);
        customer.Add("customer_id", value.Customer.CustomerId);
        customer.Add("name", value.Customer.Name);
        customer.Add("email", value.Customer.Email);
        customer.Add("segment", value.Customer.Segment);
        customer.Add("signup_date", value.Customer.SignupDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        record.Add("customer", customer);

        var product = new GenericRecord((RecordSchema)Schema["product"].Schema);
        product.Add("product_id", value.Product.ProductId);
        product.Add("name", value.Product.Name);
        product.Add("category", value.Product.Category);
        product.Add("subcategory", value.Product.Subcategory);
        product.Add("brand", value.Product.Brand);
        product.Add("unit_price", ToApache(value.Product.UnitPrice, 2));
        product.Add("unit_cost", ToApache(value.Product.UnitCost, 2));
        record.Add("product", product);

        record.Add("quantity", value.Quantity);
        record.Add("discount", ToApache(value.Discount, 4));
        record.Add("promotion_code", value.PromotionCode);
        record.Add("currency", value.Currency);
        record.Add("payment_method", value.PaymentMethod);
        record.Add("order_status", value.OrderStatus);
        record.Add("sales_channel", value.SalesChannel);
        record.Add("device", value.Device);

        var address = new GenericRecord((RecordSchema)Schema["shipping_address"].Schema);
        address.Add("street", value.ShippingAddress.Street);
        address.Add("postal_code", value.ShippingAddress.PostalCode);
        address.Add("city", value.ShippingAddress.City);
        address.Add("country", value.ShippingAddress.Country);
        record.Add("shipping_address", address);
        return record;
    }

    public static SalesEvent FromRecord(GenericRecord record)
    {
        var customer = (GenericRecord)record["customer"];
        var product = (GenericRecord)record["product"];
        var address = (GenericRecord)record["shipping_address"];
        return new SalesEvent
        {
            EventId = (Guid)record["event_id"],
            EventTime = (DateTime?)record["event_time"],
            OrderId = (string?)record["order_id"],
            LineNumber = (int)record["line_number"],
            Customer = new Customer
            {
                CustomerId = (string?)customer["customer_id"],
                Name = (string?)customer["name"],
                Email = (string?)customer["email"],
                Segment = (string?)customer["segment"],
                SignupDate = customer["signup_date"] is DateTime signup ? DateOnly.FromDateTime(signup) : null,
            },
            Product = new Product
            {
                ProductId = (string?)product["product_id"],
                Name = (string?)product["name"],
                Category = (string?)product["category"],
                Subcategory = (string?)product["subcategory"],
                Brand = (string?)product["brand"],
                UnitPrice = FromApache(product["unit_price"]),
                UnitCost = FromApache(product["unit_cost"]),
            },
            Quantity = (int?)record["quantity"],
            Discount = FromApache(record["discount"]) ?? throw new InvalidOperationException("discount is not nullable"),
            PromotionCode = (string?)record["promotion_code"],
            Currency = (string?)record["currency"],
            PaymentMethod = (string?)record["payment_method"],
            OrderStatus = (string?)record["order_status"],
            SalesChannel = (string?)record["sales_channel"],
            Device = (string?)record["device"],
            ShippingAddress = new Address
            {
                Street = (string?)address["street"],
                PostalCode = (string?)address["postal_code"],
                City = (string?)address["city"],
                Country = (string?)address["country"],
            },
        };
    }

    /// <summary>Apache wants the decimal at exactly the schema's scale, as an unscaled BigInteger.</summary>
    private static ApacheDecimal? ToApache(decimal? value, int scale)
    {
        if (value is not { } present)
        {
            return null;
        }

        var unscaled = decimal.Round(present * Pow10(scale), 0);
        if (unscaled != present * Pow10(scale))
        {
            throw new ArgumentException($"{present} has more than {scale} decimal places.", nameof(value));
        }

        return new ApacheDecimal(new BigInteger(unscaled), scale);
    }

    private static decimal? FromApache(object? value) =>
        value is ApacheDecimal d ? (decimal)d.UnscaledValue / Pow10(d.Scale) : null;

    private static decimal Pow10(int scale)
    {
        var result = 1m;
        for (var i = 0; i < scale; i++)
        {
            result *= 10;
        }

        return result;
    }
}
