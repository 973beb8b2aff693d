namespace CartStream.Generator.Catalog;

/// <summary>
/// The shape of the shop's assortment. Bands are realistic for each trade: electronics sell at thin margins and
/// high prices, beauty and fashion at fat margins, groceries cheap and in larger quantities.
/// </summary>
internal static class CatalogTemplates
{
    public static readonly string[] Adjectives =
    [
        "Classic", "Pro", "Essential", "Ultra", "Eco", "Compact", "Deluxe", "Smart", "Urban", "Premium",
        "Lite", "Max", "Original", "Signature", "Everyday", "Nordic", "Vintage", "Active", "Studio", "Prime",
    ];

    public static readonly CategoryTemplate[] All =
    [
        new("Electronics", 0.14, 15m, 1800m, 0.08, 0.25, 3,
            ["Voltix", "Lumina", "Nordtek", "Arcwave", "Pixelon", "Sonique"],
            [
                new("Phones", ["Smartphone", "Phone Case", "Charger"]),
                new("Laptops", ["Laptop", "Ultrabook", "Laptop Sleeve"]),
                new("Audio", ["Headphones", "Earbuds", "Speaker", "Soundbar"]),
                new("Cameras", ["Camera", "Action Camera", "Tripod"]),
                new("Accessories", ["USB-C Cable", "Power Bank", "Keyboard", "Mouse"]),
            ]),
        new("Home & Kitchen", 0.13, 8m, 400m, 0.30, 0.55, 4,
            ["Hearthly", "CasaNova", "Oakridge", "Kitchora", "Nestwell"],
            [
                new("Cookware", ["Frying Pan", "Saucepan", "Dutch Oven", "Knife Set"]),
                new("Small Appliances", ["Blender", "Coffee Maker", "Toaster", "Kettle"]),
                new("Bedding", ["Duvet", "Pillow", "Sheet Set"]),
                new("Storage", ["Storage Box", "Shelf", "Laundry Basket"]),
                new("Decor", ["Lamp", "Vase", "Picture Frame", "Candle"]),
            ]),
        new("Fashion", 0.15, 10m, 350m, 0.45, 0.70, 3,
            ["Marlowe", "Velour & Co", "Stitchline", "Northbay", "Aurelle"],
            [
                new("Women's Clothing", ["Dress", "Blouse", "Jeans", "Coat"]),
                new("Men's Clothing", ["Shirt", "Chinos", "Jacket", "Sweater"]),
                new("Shoes", ["Sneakers", "Boots", "Loafers", "Sandals"]),
                new("Bags", ["Backpack", "Tote Bag", "Wallet"]),
                new("Jewelry", ["Necklace", "Ring", "Watch", "Earrings"]),
            ]),
        new("Beauty", 0.08, 5m, 150m, 0.50, 0.75, 4,
            ["Glowra", "Pure Petal", "Lumiere", "Dermalab"],
            [
                new("Skincare", ["Moisturiser", "Serum", "Cleanser", "Sunscreen"]),
                new("Makeup", ["Lipstick", "Mascara", "Foundation"]),
                new("Hair Care", ["Shampoo", "Conditioner", "Hair Dryer"]),
                new("Fragrance", ["Eau de Parfum", "Eau de Toilette"]),
            ]),
        new("Sports & Outdoors", 0.09, 10m, 900m, 0.25, 0.45, 3,
            ["Summitor", "Trailhead", "Velocita", "Ironpeak", "Kinetic"],
            [
                new("Fitness", ["Yoga Mat", "Dumbbell Set", "Resistance Bands"]),
                new("Camping", ["Tent", "Sleeping Bag", "Headlamp"]),
                new("Cycling", ["Road Bike", "Bike Helmet", "Bike Light"]),
                new("Running", ["Running Shoes", "Running Vest", "Sports Watch"]),
            ]),
        new("Books & Media", 0.10, 5m, 60m, 0.15, 0.35, 3,
            ["Larkspur Press", "Meridian Books", "Blue Owl", "Harbor Media"],
            [
                new("Fiction", ["Novel", "Thriller", "Short Stories"]),
                new("Non-fiction", ["Biography", "Cookbook", "History Book"]),
                new("Children's Books", ["Picture Book", "Activity Book"]),
                new("Music & Film", ["Vinyl Record", "Blu-ray", "Box Set"]),
            ]),
        new("Toys & Games", 0.07, 8m, 250m, 0.25, 0.50, 3,
            ["Playforge", "Tinkerly", "Brickwell", "Funvale"],
            [
                new("Board Games", ["Board Game", "Card Game"]),
                new("Building Sets", ["Building Set", "Construction Kit"]),
                new("Puzzles", ["Jigsaw Puzzle", "Puzzle Cube"]),
                new("Video Games", ["Video Game", "Controller"]),
            ]),
        new("Grocery", 0.10, 2m, 60m, 0.15, 0.30, 8,
            ["Harvest Lane", "Bean & Leaf", "Golden Field", "Mornington"],
            [
                new("Coffee & Tea", ["Coffee Beans", "Ground Coffee", "Green Tea", "Tea Sampler"]),
                new("Snacks", ["Granola Bars", "Dark Chocolate", "Trail Mix"]),
                new("Pantry", ["Olive Oil", "Pasta", "Honey", "Spice Set"]),
            ]),
        new("Health", 0.05, 4m, 120m, 0.35, 0.60, 4,
            ["Vitalis", "CareWell", "Northwell"],
            [
                new("Vitamins", ["Multivitamin", "Vitamin D", "Omega-3"]),
                new("Personal Care", ["Electric Toothbrush", "Razor", "Hand Cream"]),
            ]),
        new("Office", 0.05, 2m, 700m, 0.20, 0.45, 6,
            ["Deskworks", "Inkwell", "Papyra"],
            [
                new("Stationery", ["Notebook", "Pen Set", "Planner"]),
                new("Office Furniture", ["Office Chair", "Standing Desk", "Monitor Arm"]),
                new("Printers & Ink", ["Printer", "Ink Cartridge", "Toner"]),
            ]),
        new("Pet Supplies", 0.04, 3m, 200m, 0.30, 0.50, 4,
            ["Pawsome", "Whiskerly", "Aquara"],
            [
                new("Dogs", ["Dog Food", "Dog Bed", "Leash"]),
                new("Cats", ["Cat Food", "Scratching Post", "Cat Litter"]),
                new("Aquarium", ["Aquarium Filter", "Fish Food"]),
            ]),
    ];
}
