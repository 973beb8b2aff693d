using CartStream.Generator.Sampling;

namespace CartStream.Generator.Orders;

/// <summary>How orders are placed: channels and their devices, payment methods, statuses, sizes.</summary>
internal static class OrderProfile
{
    public static readonly string[] Channels = ["web", "mobile_app", "marketplace", "store"];

    public static readonly AliasSampler Channel = new([0.48, 0.32, 0.12, 0.08]);

    public static readonly string[] Devices = ["desktop", "mobile", "tablet", "pos"];

    /// <summary>Device given the channel (indexed like <see cref="Channels"/>): a store sale is always at the till.</summary>
    public static readonly AliasSampler[] DeviceByChannel =
    [
        new([0.60, 0.30, 0.10, 0]),
        new([0, 0.85, 0.15, 0]),
        new([0.50, 0.45, 0.05, 0]),
        new([0, 0, 0, 1]),
    ];

    public static readonly string[] Payments =
        ["card", "paypal", "apple_pay", "google_pay", "bank_transfer", "gift_card", "cash_on_delivery", "cash"];

    public static readonly AliasSampler OnlinePayment = new([0.52, 0.20, 0.09, 0.07, 0.05, 0.03, 0.04, 0]);

    public static readonly AliasSampler StorePayment = new([0.75, 0, 0.06, 0.04, 0, 0, 0, 0.15]);

    public static readonly string[] Statuses = ["placed", "paid", "shipped", "delivered", "cancelled", "returned"];

    /// <summary>Status when paid up front.</summary>
    public static readonly AliasSampler PaidStatus = new([0, 0.88, 0.04, 0.02, 0.04, 0.02]);

    /// <summary>Status when the money comes later (bank transfer, cash on delivery).</summary>
    public static readonly AliasSampler DeferredStatus = new([0.90, 0, 0, 0, 0.10, 0]);

    /// <summary>Lines per order, 1 to 8: mean about 2.4.</summary>
    public static readonly AliasSampler LinesMinusOne = new([0.35, 0.25, 0.17, 0.10, 0.06, 0.04, 0.02, 0.01]);

    public static readonly double MeanLines = 1 + (0.25 + (2 * 0.17) + (3 * 0.10) + (4 * 0.06) + (5 * 0.04) + (6 * 0.02) + (7 * 0.01));

    /// <summary>Units on a line, 1 to 5.</summary>
    public static readonly AliasSampler QuantityMinusOne = new([0.72, 0.17, 0.06, 0.03, 0.02]);
}
