using CartStream.Events.Reference;

namespace CartStream.Transform.Cleaning;

/// <summary>
/// One event after cleaning: canonical text, reference rows resolved, amounts in USD. Filled by
/// <see cref="SalesEventCleaner"/>; meaningful only when the event passed every reject rule.
/// </summary>
internal sealed class CleanSale
{
    public Guid EventId { get; set; }
    public DateTime EventTime { get; set; }
    public string OrderId { get; set; } = "";
    public int LineNumber { get; set; }
    public string CustomerId { get; set; } = "";
    public string? CustomerName { get; set; }
    public string Email { get; set; } = "";
    public string Segment { get; set; } = "";
    public DateOnly? SignupDate { get; set; }
    public string ProductId { get; set; } = "";
    public string? ProductName { get; set; }
    public string Category { get; set; } = "";
    public string Subcategory { get; set; } = "";
    public string Brand { get; set; } = "";
    public int Quantity { get; set; }
    public decimal Discount { get; set; }
    public string? PromotionCode { get; set; }
    public Currency Currency { get; set; } = null!;
    public string PaymentMethod { get; set; } = "";
    public string OrderStatus { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Device { get; set; } = "";
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string City { get; set; } = "";
    public Country Country { get; set; } = null!;
    public LineAmounts Amounts { get; set; }
}
