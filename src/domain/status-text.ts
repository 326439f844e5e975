import { pickLocalized } from "./locale.ts";
import type { TrackingStatus, TrackingSubstatus } from "./vocabulary.ts";

type Texts = Readonly<Record<TrackingStatus | TrackingSubstatus, string>>;

const en: Texts = {
  PENDING: "Waiting for the carrier's first update",
  NOT_FOUND: "Tracking number not yet found at the carrier",
  INFO_RECEIVED: "Shipping information received",
  LABEL_CREATED: "Shipping label created",
  IN_TRANSIT: "In transit",
  PICKED_UP: "Picked up by the carrier",
  ARRIVED_AT_FACILITY: "Arrived at a carrier facility",
  DEPARTED_FACILITY: "Departed a carrier facility",
  EXPORT_CUSTOMS: "In export customs clearance",
  DEPARTED_ORIGIN_COUNTRY: "Departed the country of origin",
  ARRIVED_DESTINATION_COUNTRY: "Arrived in the destination country",
  IMPORT_CUSTOMS: "In import customs clearance",
  CUSTOMS_CLEARED: "Cleared customs",
  HANDED_TO_LAST_MILE: "Handed over to the local delivery carrier",
  OUT_FOR_DELIVERY: "Out for delivery",
  AVAILABLE_FOR_PICKUP: "Ready for pickup",
  DELIVERED: "Delivered",
  SIGNED: "Delivered and signed for",
  LEFT_AT_SAFE_PLACE: "Delivered to a safe place",
  COLLECTED_BY_BUYER: "Collected by the recipient",
  DELIVERY_FAILED: "Delivery attempt failed",
  ADDRESS_ISSUE: "Delivery failed: address problem",
  RECIPIENT_UNAVAILABLE: "Delivery failed: recipient not available",
  REFUSED: "Delivery refused by the recipient",
  EXCEPTION: "Shipment exception",
  CUSTOMS_HELD: "Held by customs",
  DELAYED: "Delayed",
  DAMAGED: "Damaged in transit",
  LOST: "Reported lost",
  RETURNING_TO_SENDER: "Returning to sender",
  RETURNED_TO_SENDER: "Returned to sender",
  STALLED: "No movement for several business days",
  EXPIRED: "Tracking ended without a final update",
};

const zhHans: Texts = {
  PENDING: "等待承运商首次更新",
  NOT_FOUND: "承运商暂未查到该运单号",
  INFO_RECEIVED: "已收到发货信息",
  LABEL_CREATED: "已创建运单",
  IN_TRANSIT: "运输中",
  PICKED_UP: "承运商已揽收",
  ARRIVED_AT_FACILITY: "已到达承运商处理中心",
  DEPARTED_FACILITY: "已离开承运商处理中心",
  EXPORT_CUSTOMS: "出口清关中",
  DEPARTED_ORIGIN_COUNTRY: "已离开始发国",
  ARRIVED_DESTINATION_COUNTRY: "已到达目的国",
  IMPORT_CUSTOMS: "进口清关中",
  CUSTOMS_CLEARED: "已清关",
  HANDED_TO_LAST_MILE: "已交由当地派送承运商",
  OUT_FOR_DELIVERY: "派送中",
  AVAILABLE_FOR_PICKUP: "可以自提",
  DELIVERED: "已妥投",
  SIGNED: "已妥投并签收",
  LEFT_AT_SAFE_PLACE: "已投递至安全位置",
  COLLECTED_BY_BUYER: "收件人已自提",
  DELIVERY_FAILED: "投递失败",
  ADDRESS_ISSUE: "投递失败：地址问题",
  RECIPIENT_UNAVAILABLE: "投递失败：收件人不在",
  REFUSED: "收件人拒收",
  EXCEPTION: "运输异常",
  CUSTOMS_HELD: "海关扣留",
  DELAYED: "运输延误",
  DAMAGED: "运输途中破损",
  LOST: "包裹丢失",
  RETURNING_TO_SENDER: "退回发件人途中",
  RETURNED_TO_SENDER: "已退回发件人",
  STALLED: "连续多个工作日无物流更新",
  EXPIRED: "跟踪已结束，未收到最终状态",
};

const TEXTS: Readonly<Record<string, Texts>> = { en, "zh-Hans": zhHans, zh: zhHans };

/** The canonical, human wording of a status (or its substatus, which says more) in a locale. */
export function describeStatus(
  status: TrackingStatus,
  substatus: TrackingSubstatus | null,
  locale?: string | null,
): string {
  const texts = pickLocalized(TEXTS, locale);
  return texts[substatus ?? status];
}
