namespace CartStream.Events;

/// <summary>
/// One line of a customer order, as the shop sold it. The shape of <c>schemas/sales-event.v1.avsc</c>.
/// </summary>
/// <remarks>
/// Mutable on purpose: the generator and the decoder fill one instance per record on hot paths.
/// Nullable members are the ones dirty data may leave empty; <see cref="EventId"/> is always present.
/// </remarks>
public sealed class SalesEvent
{
    /// <summary>Unique id of this event; a duplicate delivery repeats it.</summary>
    public Guid EventId { get; set; }

    /// <summary>When the line was sold, UTC, millisecond precision.</summary>
    public DateTime? EventTime { get; set; }

    /// <summary>Order the line belongs to; also the Kafka message key.</summary>
    public string? OrderId { get; set; }

    /// <summary>1-based position of the line in its order.</summary>
    public int LineNumber { get; set; }

    /// <summary>Who bought.</summary>
    public Customer Customer { get; set; } = new();

    /// <summary>What was bought.</summary>
    public Product Product { get; set; } = new();

    /// <summary>Units sold on this line.</summary>
    public int? Quantity { get; set; }

    /// <summary>Fraction of the line's gross taken off by a promotion, 0 to 1, four decimal places.</summary>
    public decimal Discount { get; set; }

    /// <summary>Promotion that gave the discount, if any.</summary>
    public string? PromotionCode { get; set; }

    /// <summary>ISO 4217 code of the product's price and cost.</summary>
    public string? Currency { get; set; }

    /// <summary>How the order was paid (card, paypal, ...).</summary>
    public string? PaymentMethod { get; set; }

    /// <summary>State of the order when the line was sold (placed, paid, shipped, ...).</summary>
    public string? OrderStatus { get; set; }

    /// <summary>Where the sale happened: web, mobile_app, marketplace or store.</summary>
    public string? SalesChannel { get; set; }

    /// <summary>Device the customer used: desktop, mobile, tablet or pos.</summary>
    public string? Device { get; set; }

    /// <summary>Where the order ships to.</summary>
    public Address ShippingAddress { get; set; } = new();
}
