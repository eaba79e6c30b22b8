namespace VisionAspire.Integration.Tests.Support;

/// <summary>
/// What the pipeline must say about each shared image. Kinds follow ImageKindLabeller's documented rule (a face
/// scoring ≥ 0.85 that covers ≥ 0.5 % of the frame): the portraits, group photos and zidane.jpg are "face";
/// bus.jpg (two small passers-by) and the scenes are "object". Face counts and labels are the verified results
/// in shared/images/README.md and shared/models/MANIFEST.md; CIFAR-10 labels follow ImageNetToCifar10
/// (zebra, bear and apples are none of the ten classes).
/// </summary>
public sealed record SharedImageExpectations(string Kind, int Faces = 0, string? TopLabel = null, string? Object = null, string? Cifar10 = null)
{
    private static readonly Dictionary<string, SharedImageExpectations> ByFile = new()
    {
        ["face_single_woman_laptop.jpg"] = new("face", Faces: 1),
        ["faces_two_handshake.jpg"] = new("face", Faces: 2),
        ["faces_group_children.jpg"] = new("face", Faces: 8),
        ["faces_family_five.jpg"] = new("face", Faces: 5),
        ["zidane.jpg"] = new("face", Faces: 2),
        ["bear_coco285.jpg"] = new("object", TopLabel: "brown bear", Object: "bear", Cifar10: "none"),
        ["zebra_coco1818.jpg"] = new("object", TopLabel: "zebra", Object: "zebra", Cifar10: "none"),
        ["green_apples_coco2149.jpg"] = new("object", TopLabel: "Granny Smith", Object: "apple", Cifar10: "none"),
        ["bus.jpg"] = new("object", Object: "bus"),
        ["car_plate_bmw.jpg"] = new("object", TopLabel: "sports car", Object: "car", Cifar10: "automobile"),
        ["dog_bicycle_truck.jpg"] = new("object", Object: "dog", Cifar10: "dog"),
        ["living_room_coco139.jpg"] = new("object", Object: "tvmonitor"),
        ["street_cars_coco1532.jpg"] = new("object", Object: "car"),
        ["no_face_bedroom_coco632.jpg"] = new("object", Object: "bed"),
        ["ocr_testocr.png"] = new("object"),
        ["ocr_bank_statement.png"] = new("object"),
    };

    public static SharedImageExpectations For(string fileName) => ByFile[fileName];
}
