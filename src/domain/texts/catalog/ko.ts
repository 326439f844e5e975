import type { LocaleCatalog } from "../catalog-types.ts";

export const ko: LocaleCatalog = {
  locale: "ko",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "택배사 첫 업데이트 대기 중",
      NOT_FOUND: "택배사에서 아직 운송장 번호를 조회할 수 없음",
      INFO_RECEIVED: "배송 정보 접수",
      LABEL_CREATED: "운송장 발급 완료",
      IN_TRANSIT: "배송 중",
      PICKED_UP: "택배사 집하 완료",
      ARRIVED_AT_FACILITY: "물류센터 도착",
      DEPARTED_FACILITY: "물류센터 출발",
      EXPORT_CUSTOMS: "수출 통관 진행 중",
      DEPARTED_ORIGIN_COUNTRY: "발송 국가 출발",
      ARRIVED_DESTINATION_COUNTRY: "목적지 국가 도착",
      IMPORT_CUSTOMS: "수입 통관 진행 중",
      CUSTOMS_CLEARED: "통관 완료",
      HANDED_TO_LAST_MILE: "국내 택배사로 인계",
      OUT_FOR_DELIVERY: "배송 출발",
      AVAILABLE_FOR_PICKUP: "수령 가능",
      DELIVERED: "배송 완료",
      SIGNED: "배송 완료 (수령인 서명)",
      LEFT_AT_SAFE_PLACE: "안전한 장소에 배송 완료",
      COLLECTED_BY_BUYER: "수령인 직접 수령 완료",
      DELIVERY_FAILED: "배송 실패",
      ADDRESS_ISSUE: "배송 실패: 주소 오류",
      RECIPIENT_UNAVAILABLE: "배송 실패: 수령인 부재",
      REFUSED: "수령인 수취 거부",
      EXCEPTION: "배송 문제 발생",
      CUSTOMS_HELD: "세관 통관 보류",
      DELAYED: "배송 지연",
      DAMAGED: "운송 중 파손",
      LOST: "분실 신고 접수",
      RETURNING_TO_SENDER: "발송인에게 반송 중",
      RETURNED_TO_SENDER: "발송인에게 반송 완료",
      STALLED: "영업일 기준 며칠째 이동 내역 없음",
      EXPIRED: "최종 업데이트 없이 추적 종료",
    },
    orderState: {
      PENDING: "결제 대기",
      READY_TO_SHIP: "발송 대기",
      PARTIALLY_SHIPPED: "부분 발송",
      SHIPPED: "발송 완료",
      DELIVERED: "배송 완료",
      COMPLETED: "거래 완료",
      CANCEL_REQUESTED: "취소 요청",
      CANCELLED: "취소 완료",
      RETURN_REQUESTED: "반품 요청",
      RETURNED: "반품 완료",
    },
    milestone: {
      ORDER_SHIPPED:
        "주문 {orderId} 상품이 발송되었습니다. 택배사: {carrier}, 운송장 번호: {trackingNumber}",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "주문 {orderId} 상품이 고객님의 국가에 도착했으며, 곧 국내 택배사로 인계될 예정입니다.",
      CUSTOMS_HELD:
        "주문 {orderId} 상품이 세관에 보류되어 있습니다. 통관될 수 있도록 처리 중입니다.",
      OUT_FOR_DELIVERY: "주문 {orderId} 상품이 오늘 {carrier}에서 배송 출발했습니다.",
      AVAILABLE_FOR_PICKUP:
        "주문 {orderId} 상품을 수령하실 수 있습니다{days, plural, =0 {.} other {. #일 이내에 수령해 주세요.}}",
      DELIVERY_FAILED:
        "{carrier}에서 주문 {orderId} 상품을 배송하지 못했습니다{attempts, plural, =0 {} other { (배송 시도 #회)}}. 주소를 확인하시거나 택배사에 문의해 주세요.",
      DELIVERED: "주문 {orderId} 상품이 배송 완료되었습니다. 만족스러운 쇼핑 되세요!",
      DELAYED:
        "주문 {orderId} 상품의 배송이 지연되고 있습니다{days, plural, =0 {} other { (약 #일 지연 예상)}}. 기다리게 해 드려 죄송합니다.",
      RETURNING_TO_SENDER: "주문 {orderId} 상품이 판매자에게 반송되고 있습니다.",
    },
  },
};
