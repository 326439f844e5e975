import type { LocaleCatalog } from "../catalog-types.ts";

export const ja: LocaleCatalog = {
  locale: "ja",
  review: "machine-draft",
  texts: {
    status: {
      PENDING: "配送業者の最初の更新待ち",
      NOT_FOUND: "追跡番号が配送業者でまだ確認できません",
      INFO_RECEIVED: "出荷情報受付済み",
      LABEL_CREATED: "送り状作成済み",
      IN_TRANSIT: "輸送中",
      PICKED_UP: "配送業者が集荷済み",
      ARRIVED_AT_FACILITY: "配送拠点に到着",
      DEPARTED_FACILITY: "配送拠点を出発",
      EXPORT_CUSTOMS: "輸出通関手続き中",
      DEPARTED_ORIGIN_COUNTRY: "発送国を出発",
      ARRIVED_DESTINATION_COUNTRY: "お届け先の国に到着",
      IMPORT_CUSTOMS: "輸入通関手続き中",
      CUSTOMS_CLEARED: "通関完了",
      HANDED_TO_LAST_MILE: "国内の配送業者へ引き渡し済み",
      OUT_FOR_DELIVERY: "配達中",
      AVAILABLE_FOR_PICKUP: "お受け取り可能",
      DELIVERED: "配達完了",
      SIGNED: "配達完了（受領サイン済み）",
      LEFT_AT_SAFE_PLACE: "置き配完了",
      COLLECTED_BY_BUYER: "受取人がお受け取り済み",
      DELIVERY_FAILED: "配達できませんでした",
      ADDRESS_ISSUE: "住所不備のため配達できませんでした",
      RECIPIENT_UNAVAILABLE: "ご不在のため配達できませんでした",
      REFUSED: "受取人が受け取りを拒否",
      EXCEPTION: "配送に問題が発生",
      CUSTOMS_HELD: "税関で保留中",
      DELAYED: "配送遅延",
      DAMAGED: "輸送中に破損",
      LOST: "紛失の報告あり",
      RETURNING_TO_SENDER: "差出人へ返送中",
      RETURNED_TO_SENDER: "差出人へ返送済み",
      STALLED: "数営業日にわたり配送状況の更新なし",
      EXPIRED: "最終ステータスの更新がないまま追跡終了",
    },
    orderState: {
      PENDING: "お支払い待ち",
      READY_TO_SHIP: "発送準備中",
      PARTIALLY_SHIPPED: "一部発送済み",
      SHIPPED: "発送済み",
      DELIVERED: "配達済み",
      COMPLETED: "取引完了",
      CANCEL_REQUESTED: "キャンセル申請中",
      CANCELLED: "キャンセル済み",
      RETURN_REQUESTED: "返品申請中",
      RETURNED: "返品済み",
    },
    milestone: {
      ORDER_SHIPPED: "ご注文 {orderId} を {carrier} にて発送しました。追跡番号：{trackingNumber}",
      ARRIVED_IN_DESTINATION_COUNTRY:
        "ご注文 {orderId} がお届け先の国に到着しました。まもなく国内の配送業者へ引き渡されます。",
      CUSTOMS_HELD:
        "ご注文 {orderId} は現在、税関で保留されています。通関できるよう対応を進めております。",
      OUT_FOR_DELIVERY: "ご注文 {orderId} は本日 {carrier} にてお届け予定です。",
      AVAILABLE_FOR_PICKUP:
        "ご注文 {orderId} のお受け取りの準備ができました{days, plural, =0 {。} other {。#日以内にお受け取りください。}}",
      DELIVERY_FAILED:
        "{carrier} がご注文 {orderId} をお届けできませんでした{attempts, plural, =0 {} other {（配達試行 #回）}}。ご住所をご確認いただくか、配送業者へお問い合わせください。",
      DELIVERED: "ご注文 {orderId} の配達が完了しました。どうぞお楽しみください！",
      DELAYED:
        "ご注文 {orderId} の配送が遅れています{days, plural, =0 {} other {（約#日の遅れ）}}。お待たせして申し訳ございません。",
      RETURNING_TO_SENDER: "ご注文 {orderId} は販売者へ返送中です。",
    },
    eta: {
      lane: "{lane} の配送実績 {count, plural, other {#}} 件に基づく",
      shrunk:
        "このルートの実績が少ないため、{lane}（{count, plural, other {#}} 件）と組み合わせて推定",
      priorPromise:
        "実績がまだ少ないため、マーケットプレイスのお届け予定期間（{from}～{to} 営業日）を起点に推定",
      priorChannel: "実績がまだ少ないため、{source}（{from}～{to} 営業日）を起点に推定",
      priorCarrier:
        "実績がまだ少ないため、配送業者の公表日数 {source}（{from}～{to} 営業日）を起点に推定",
      priorDefault: "実績がまだ少ないため、trackline の既定値（{from}～{to} 営業日）を起点に推定",
      businessDays: "{country} の営業日で計算（週末と祝日を除く）",
      holidayOrigin: "発送元の {holiday}（{date}）が明けるまで動きません",
      holidayDestination: "お届け先の {holiday}（{date}）を除いて計算",
      from: "{point, select, ORDERED {ご注文日} SHIPPED {配送業者への引き渡し} other {最新の配送状況}}（{date}）から計算",
      pastPromise: "お約束の {date} より遅れる可能性があります",
    },
    exception: {
      STALLED:
        "{days, plural, other {# 営業日}}、配送業者のスキャンがありません。この経路のこの段階としては通常より長い間隔です。{carrier} に調査を依頼し、購入者に対応中であることを伝えてください。",
      DELIVERY_FAILED:
        "{carrier} が荷物を配達できませんでした。購入者に住所を確認し、{carrier} に再配達または窓口受取を手配してください。",
      CUSTOMS_HELD:
        "荷物が税関で保留されています。{carrier} にインボイスと通関書類を送り、関税の支払いが必要か確認してください。",
      RETURNING_TO_SENDER:
        "荷物は返送中です。購入者が申し立てをする前に連絡し、再発送または返金を提案してください。",
      LATE: "荷物は {date} までに届く予定でしたが、まだ配達されていません。購入者に知らせ、再発送や一部返金を検討してください。",
      NO_SCAN_AFTER_CONFIRMATION:
        "追跡番号の確認から {days, plural, other {# 営業日}}経ちましたが、{carrier} はまだ荷物をスキャンしていません。荷物が引き渡されたか確認するか、追跡番号を訂正してください。",
    },
  },
};
