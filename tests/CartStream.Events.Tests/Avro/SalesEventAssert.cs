namespace CartStream.Events.Tests.Avro;

/// <summary>Field-by-field equality of two events, with the field named on failure.</summary>
internal static class SalesEventAssert
{
    public static void Equal(SalesEvent expected, SalesEvent actual)
    {
        Assert.Equal(Flatten(expected), Flatten(actual));
    }

    /// <summary>Every field as (name, value) pairs, decimals normalised so 1.5 and 1.50 compare equal.</summary>
    public static IReadOnlyList<(string Field, object? Value)> Flatten(SalesEvent e) =>
    [
        ("event_id", e.EventId),
        ("event_time", e.EventTime is { } t ? (t.Ticks, t.Kind) : null),
        ("order_id", e.OrderId),
        ("line_number", e.LineNumber),
        ("customer.customer_id", e.Customer.CustomerId),
        ("customer.name", e.Customer.Name),
        ("customer.email", e.Customer.Email),
        ("customer.segment", e.Customer.Segment),
        ("customer.signup_date", e.Customer.SignupDate),
        ("product.product_id", e.Product.ProductId),
        ("product.name", e.Product.Name),
        ("product.category", e.Product.Category),
        ("product.subcategory", e.Product.Subcategory),
        ("product.brand", e.Product.Brand),
        ("product.unit_price", Normalize(e.Product.UnitPrice)),
        ("product.unit_cost", Normalize(e.Product.UnitCost)),
        ("quantity", e.Quantity),
        ("discount", Normalize(e.Discount)),
        ("promotion_code", e.PromotionCode),
        ("currency", e.Currency),
        ("payment_method", e.PaymentMethod),
        ("order_status", e.OrderStatus),
        ("sales_channel", e.SalesChannel),
        ("device", e.Device),
        ("shipping_address.street", e.ShippingAddress.Street),
        ("shipping_address.postal_code", e.ShippingAddress.PostalCode),
        ("shipping_address.city", e.ShippingAddress.City),
        ("shipping_address.country", e.ShippingAddress.Country),
    ];

    private static string? Normalize(decimal? value) =>
        value?.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);
}
