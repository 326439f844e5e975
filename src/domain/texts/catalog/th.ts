import type { LocaleCatalog } from "../catalog-types.ts";

export const th: LocaleCatalog = {
  locale: "th",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "รออัปเดตสถานะแรกจากบริษัทขนส่ง",
      NOT_FOUND: "ยังไม่พบเลขพัสดุในระบบของบริษัทขนส่ง",
      INFO_RECEIVED: "ได้รับข้อมูลการจัดส่งแล้ว",
      LABEL_CREATED: "สร้างใบปะหน้าพัสดุแล้ว",
      IN_TRANSIT: "อยู่ระหว่างการขนส่ง",
      PICKED_UP: "บริษัทขนส่งเข้ารับพัสดุแล้ว",
      ARRIVED_AT_FACILITY: "พัสดุถึงศูนย์คัดแยกแล้ว",
      DEPARTED_FACILITY: "พัสดุออกจากศูนย์คัดแยกแล้ว",
      EXPORT_CUSTOMS: "อยู่ระหว่างพิธีการศุลกากรขาออก",
      DEPARTED_ORIGIN_COUNTRY: "ออกจากประเทศต้นทางแล้ว",
      ARRIVED_DESTINATION_COUNTRY: "ถึงประเทศปลายทางแล้ว",
      IMPORT_CUSTOMS: "อยู่ระหว่างพิธีการศุลกากรขาเข้า",
      CUSTOMS_CLEARED: "ผ่านพิธีการศุลกากรแล้ว",
      HANDED_TO_LAST_MILE: "ส่งต่อให้บริษัทขนส่งในประเทศแล้ว",
      OUT_FOR_DELIVERY: "กำลังนำส่งพัสดุ",
      AVAILABLE_FOR_PICKUP: "พัสดุพร้อมให้รับแล้ว",
      DELIVERED: "จัดส่งสำเร็จ",
      SIGNED: "จัดส่งสำเร็จ (ผู้รับลงชื่อรับแล้ว)",
      LEFT_AT_SAFE_PLACE: "วางพัสดุไว้ในที่ปลอดภัยแล้ว",
      COLLECTED_BY_BUYER: "ผู้รับมารับพัสดุแล้ว",
      DELIVERY_FAILED: "นำส่งไม่สำเร็จ",
      ADDRESS_ISSUE: "นำส่งไม่สำเร็จ: ที่อยู่มีปัญหา",
      RECIPIENT_UNAVAILABLE: "นำส่งไม่สำเร็จ: ไม่พบผู้รับ",
      REFUSED: "ผู้รับปฏิเสธการรับพัสดุ",
      EXCEPTION: "การจัดส่งเกิดปัญหา",
      CUSTOMS_HELD: "ถูกกักไว้ที่ศุลกากร",
      DELAYED: "การจัดส่งล่าช้า",
      DAMAGED: "พัสดุเสียหายระหว่างการขนส่ง",
      LOST: "มีการแจ้งว่าพัสดุสูญหาย",
      RETURNING_TO_SENDER: "กำลังตีกลับไปยังผู้ส่ง",
      RETURNED_TO_SENDER: "ตีกลับถึงผู้ส่งแล้ว",
      STALLED: "พัสดุไม่มีความเคลื่อนไหวมาหลายวันทำการ",
      EXPIRED: "สิ้นสุดการติดตามโดยไม่มีสถานะสุดท้าย",
    },
    orderState: {
      PENDING: "รอชำระเงิน",
      READY_TO_SHIP: "พร้อมจัดส่ง",
      PARTIALLY_SHIPPED: "จัดส่งแล้วบางส่วน",
      SHIPPED: "จัดส่งแล้ว",
      DELIVERED: "จัดส่งสำเร็จ",
      COMPLETED: "เสร็จสมบูรณ์",
      CANCEL_REQUESTED: "ขอยกเลิกแล้ว",
      CANCELLED: "ยกเลิกแล้ว",
      RETURN_REQUESTED: "ขอคืนสินค้าแล้ว",
      RETURNED: "คืนสินค้าแล้ว",
    },
    milestone: {
      ORDER_SHIPPED: "คำสั่งซื้อ {orderId} ของคุณจัดส่งแล้วผ่าน {carrier} เลขพัสดุ: {trackingNumber}",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "คำสั่งซื้อ {orderId} ถึงประเทศของคุณแล้ว และกำลังจะส่งต่อให้บริษัทขนส่งในประเทศ",
      CUSTOMS_HELD: "คำสั่งซื้อ {orderId} ของคุณถูกกักไว้ที่ศุลกากร เรากำลังดำเนินการเพื่อให้ศุลกากรปล่อยพัสดุ",
      OUT_FOR_DELIVERY: "{carrier} กำลังนำส่งคำสั่งซื้อ {orderId} ของคุณในวันนี้",
      AVAILABLE_FOR_PICKUP:
        "คำสั่งซื้อ {orderId} ของคุณพร้อมให้รับแล้ว{days, plural, =0 {} other { กรุณารับพัสดุภายใน # วัน}}",
      DELIVERY_FAILED:
        "{carrier} ไม่สามารถนำส่งคำสั่งซื้อ {orderId} ของคุณได้{attempts, plural, =0 {} other { (พยายามนำส่ง # ครั้ง)}} กรุณาตรวจสอบที่อยู่ของคุณหรือติดต่อบริษัทขนส่ง",
      DELIVERED: "คำสั่งซื้อ {orderId} ของคุณจัดส่งสำเร็จแล้ว ขอให้สนุกกับสินค้าใหม่!",
      DELAYED:
        "คำสั่งซื้อ {orderId} ของคุณล่าช้า{days, plural, =0 {} other {ประมาณ # วัน}} ขออภัยที่ทำให้รอนาน",
      RETURNING_TO_SENDER: "คำสั่งซื้อ {orderId} ของคุณกำลังถูกส่งกลับไปยังผู้ขาย",
    },
    eta: {
      lane: "อ้างอิงจากการจัดส่ง {count, plural, other {#}} ครั้งในเส้นทาง {lane}",
      shrunk: "เส้นทางนี้มีการจัดส่งน้อย จึงประมาณร่วมกับ {lane} ({count, plural, other {#}} ครั้ง)",
      priorPromise: "ยังมีประวัติน้อย: เริ่มจากช่วงเวลาที่มาร์เก็ตเพลสสัญญาไว้ ({from}–{to} วันทำการ)",
      priorChannel: "ยังมีประวัติน้อย: เริ่มจาก {source} ({from}–{to} วันทำการ)",
      priorCarrier: "ยังมีประวัติน้อย: เริ่มจากระยะเวลาที่ผู้ให้บริการขนส่งประกาศ {source} ({from}–{to} วันทำการ)",
      priorDefault: "ยังมีประวัติน้อย: เริ่มจากค่าเริ่มต้นของ trackline ({from}–{to} วันทำการ)",
      businessDays: "นับเป็นวันทำการของ {country}: ไม่นับวันหยุดสุดสัปดาห์และวันหยุดนักขัตฤกษ์",
      holidayOrigin: "รอที่ต้นทางจนพ้น {holiday} ({date})",
      holidayDestination: "ไม่นับ {holiday} ({date}) ที่ปลายทาง",
      from: "นับจาก{point, select, ORDERED {วันที่สั่งซื้อ} SHIPPED {การส่งมอบให้ผู้ขนส่ง} other {สถานะล่าสุด}} {date}",
      pastPromise: "อาจถึงหลังวันที่สัญญาไว้ {date}",
    },
    exception: {
      STALLED:
        "ไม่มีการสแกนจากขนส่งมา {days, plural, other {# วันทำการ}} นานกว่าปกติสำหรับช่วงนี้ของเส้นทางนี้ โปรดขอให้ {carrier} ติดตามพัสดุ และแจ้งผู้ซื้อว่าคุณกำลังดำเนินการ",
      DELIVERY_FAILED:
        "{carrier} ไม่สามารถนำจ่ายพัสดุได้ โปรดตรวจสอบที่อยู่กับผู้ซื้อ และนัด {carrier} ให้นำจ่ายใหม่หรือให้ผู้ซื้อไปรับเอง",
      CUSTOMS_HELD:
        "ศุลกากรกักพัสดุไว้ โปรดส่งใบแจ้งหนี้และเอกสารศุลกากรให้ {carrier} และสอบถามว่าต้องชำระภาษีหรือไม่",
      RETURNING_TO_SENDER:
        "พัสดุกำลังถูกตีกลับมาหาคุณ โปรดติดต่อผู้ซื้อเพื่อเสนอส่งใหม่หรือคืนเงินก่อนที่ผู้ซื้อจะยื่นเรื่องร้องเรียน",
      LATE: "พัสดุควรถึงภายใน {date} แต่ยังไม่ได้นำจ่าย โปรดแจ้งผู้ซื้อ และพิจารณาส่งสินค้าทดแทนหรือคืนเงินบางส่วน",
      NO_SCAN_AFTER_CONFIRMATION:
        "ยืนยันเลขพัสดุแล้วเมื่อ {days, plural, other {# วันทำการ}}ก่อน แต่ {carrier} ยังไม่ได้สแกนพัสดุ โปรดตรวจสอบว่าได้ส่งมอบพัสดุแล้ว หรือแก้ไขเลขพัสดุ",
    },
  },
};
